import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { auditEvents, users } from '../db/schema';
import { hashPassword, verifyPassword } from './password';
import { createSession, generateSessionToken, validateSessionToken } from './sessions';
import {
	changePassword,
	getProfile,
	listSessions,
	signOutOtherSessions,
	updateProfile
} from './profile';

let db: DB;
let userId: number;
let tokens: string[];
let current: string;

beforeEach(async () => {
	db = createTestDb();
	userId = db
		.insert(users)
		.values({
			email: 'awa@keoogo.example.org',
			name: 'Awa',
			passwordHash: await hashPassword('ancien mot de passe')
		})
		.returning()
		.get().id;
	tokens = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
	const created = tokens.map((t, i) =>
		createSession(db, t, userId, Date.now() + i, `Browser ${i}`)
	);
	current = created[0].id;
});

describe('account', () => {
	it('saves name, language and time zone, and logs the change', () => {
		updateProfile(db, userId, {
			name: 'Awa S.',
			preferredLocale: 'ar',
			timeZone: 'Africa/Ouagadougou'
		});
		expect(getProfile(db, userId)).toMatchObject({
			name: 'Awa S.',
			preferredLocale: 'ar',
			timeZone: 'Africa/Ouagadougou'
		});
		updateProfile(db, userId, { name: 'Awa S.', preferredLocale: 'fr', timeZone: '' });
		expect(getProfile(db, userId)?.timeZone).toBeNull();
		expect(
			db
				.select()
				.from(auditEvents)
				.all()
				.map((e) => e.action)
		).toEqual(['profile_updated', 'profile_updated']);
	});

	it('refuses a password change without the right current password, changing nothing', async () => {
		expect(await changePassword(db, userId, current, 'pas le bon', 'nouveau mot de passe')).toBe(
			'wrong_password'
		);
		expect(listSessions(db, userId)).toHaveLength(3);
		const { passwordHash } = db.select().from(users).where(eq(users.id, userId)).get()!;
		expect(await verifyPassword(passwordHash, 'ancien mot de passe')).toBe(true);
	});

	it('changes the password and ends every other session, keeping this one', async () => {
		expect(
			await changePassword(db, userId, current, 'ancien mot de passe', 'nouveau mot de passe')
		).toBe('ok');
		expect(validateSessionToken(db, tokens[0]).session).not.toBeNull();
		expect(validateSessionToken(db, tokens[1]).session).toBeNull();
		expect(validateSessionToken(db, tokens[2]).session).toBeNull();
		const { passwordHash } = db.select().from(users).where(eq(users.id, userId)).get()!;
		expect(await verifyPassword(passwordHash, 'nouveau mot de passe')).toBe(true);
	});

	it('lists sessions newest first and signs out the others', () => {
		expect(listSessions(db, userId).map((s) => s.userAgent)).toEqual([
			'Browser 2',
			'Browser 1',
			'Browser 0'
		]);
		expect(signOutOtherSessions(db, userId, current)).toBe(2);
		expect(listSessions(db, userId).map((s) => s.id)).toEqual([current]);
	});
});
