import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { organisations, users } from '../db/schema';
import { hashPassword } from './password';
import {
	authenticate,
	findUserByEmail,
	getPerson,
	removeMembership,
	setGlobalRole,
	setMembership,
	setUserDisabled,
	signIn
} from './users';
import { listAudit } from '../audit/log';
import { createSession, generateSessionToken, validateSessionToken } from './sessions';

let db: DB;

beforeAll(async () => {
	db = createTestDb();
	const passwordHash = await hashPassword('un mot de passe');
	db.insert(users)
		.values([
			{ email: 'Safiatou@Keoogo.example.org', name: 'Safiatou', passwordHash },
			{ email: 'gone@keoogo.example.org', name: 'Gone', passwordHash, disabled: true }
		])
		.run();
});

describe('authenticate', () => {
	it('finds the account whatever the case and surrounding spaces of the e-mail', async () => {
		expect(findUserByEmail(db, '  safiatou@KEOOGO.example.org ')?.name).toBe('Safiatou');
		expect((await authenticate(db, 'SAFIATOU@keoogo.example.org', 'un mot de passe'))?.name).toBe(
			'Safiatou'
		);
	});

	it('answers null for a wrong password, an unknown e-mail and a disabled account', async () => {
		expect(await authenticate(db, 'safiatou@keoogo.example.org', 'Un mot de passe')).toBeNull();
		expect(await authenticate(db, 'nobody@keoogo.example.org', 'un mot de passe')).toBeNull();
		expect(await authenticate(db, 'gone@keoogo.example.org', 'un mot de passe')).toBeNull();
		const gone = db.select().from(users).where(eq(users.name, 'Gone')).get();
		expect(gone?.disabled).toBe(true);
	});
});

describe('signIn', () => {
	it('writes successes and failures on known accounts to the audit log, never unknown e-mails', async () => {
		const before = listAudit(db, { entity: 'user' }).total;
		const safi = findUserByEmail(db, 'safiatou@keoogo.example.org')!;
		expect(
			await signIn(db, 'safiatou@keoogo.example.org', 'un mot de passe', '10.0.0.1')
		).not.toBeNull();
		expect(await signIn(db, 'safiatou@keoogo.example.org', 'faux', '10.0.0.2')).toBeNull();
		expect(await signIn(db, 'gone@keoogo.example.org', 'un mot de passe', '10.0.0.3')).toBeNull();
		expect(await signIn(db, 'nobody@keoogo.example.org', 'x', '10.0.0.4')).toBeNull();
		const events = listAudit(db, { entity: 'user' }).events.slice(0, 3).reverse();
		expect(listAudit(db, { entity: 'user' }).total).toBe(before + 3);
		expect(events.map((e) => [e.action, e.actorId, e.changes])).toEqual([
			['signed_in', safi.id, { ip: '10.0.0.1' }],
			['sign_in_failed', null, { ip: '10.0.0.2' }],
			['sign_in_failed', null, { ip: '10.0.0.3', disabled: true }]
		]);
		expect(events[0].entityId).toBe(String(safi.id));
	});
});

describe('disabling an account', () => {
	it('ends its sessions at once, and re-enabling lets it sign in again', async () => {
		const awa = findUserByEmail(db, 'safiatou@keoogo.example.org')!;
		const token = generateSessionToken();
		createSession(db, token, awa.id);
		expect(setUserDisabled(db, awa.id, awa.id, true)).toBe('ok');
		expect(validateSessionToken(db, token).session).toBeNull();
		expect(await authenticate(db, awa.email, 'un mot de passe')).toBeNull();
		expect(setUserDisabled(db, awa.id, awa.id, false)).toBe('ok');
		expect(await authenticate(db, awa.email, 'un mot de passe')).not.toBeNull();
	});

	it('refuses to disable the last active admin, and answers not_found for no one', () => {
		const admin = db
			.insert(users)
			.values({ email: 'admin@x.org', name: 'Admin', passwordHash: 'x', globalRole: 'admin' })
			.returning()
			.get();
		expect(setUserDisabled(db, admin.id, admin.id, true)).toBe('last_admin');
		expect(findUserByEmail(db, 'admin@x.org')?.disabled).toBe(false);
		const second = db
			.insert(users)
			.values({ email: 'admin2@x.org', name: 'Admin 2', passwordHash: 'x', globalRole: 'admin' })
			.returning()
			.get();
		expect(setUserDisabled(db, second.id, admin.id, true)).toBe('ok');
		expect(setUserDisabled(db, admin.id, 99999, true)).toBe('not_found');
	});
});

describe('roles and memberships', () => {
	it('never demotes the last active admin, and records role changes', async () => {
		// A database of its own: other tests here create admins.
		const db = createTestDb();
		const passwordHash = await hashPassword('un mot de passe');
		const [boss, helper] = db
			.insert(users)
			.values([
				{ email: 'boss@partage.example.org', name: 'Boss', passwordHash, globalRole: 'admin' },
				{ email: 'helper@partage.example.org', name: 'Helper', passwordHash }
			])
			.returning()
			.all();
		expect(setGlobalRole(db, boss.id, boss.id, 'staff')).toBe('last_admin');
		expect(setGlobalRole(db, boss.id, helper.id, 'admin')).toBe('ok');
		expect(setGlobalRole(db, helper.id, boss.id, 'staff')).toBe('ok');
		expect(getPerson(db, boss.id)?.globalRole).toBe('staff');
		expect(setGlobalRole(db, helper.id, helper.id, 'member')).toBe('last_admin');
		const changes = listAudit(db, { entity: 'user', action: 'role_changed' }).events;
		expect(changes.map((e) => e.changes)).toContainEqual({ from: 'admin', to: 'staff' });
	});

	it('adds a membership, changes its role in place and removes it', () => {
		const org = db
			.insert(organisations)
			.values({
				name: 'KEOOGO',
				shortName: 'KEOOGO',
				country: 'BF',
				city: 'Ouaga',
				timeZone: 'Africa/Ouagadougou'
			})
			.returning()
			.get();
		const user = findUserByEmail(db, 'safiatou@keoogo.example.org')!;
		setMembership(db, 1, user.id, org.id, 'member');
		setMembership(db, 1, user.id, org.id, 'coordinator');
		expect(getPerson(db, user.id)?.memberships).toEqual([
			expect.objectContaining({ organisationId: org.id, role: 'coordinator' })
		]);
		expect(removeMembership(db, 1, user.id, org.id)).toBe(true);
		expect(removeMembership(db, 1, user.id, org.id)).toBe(false);
		expect(getPerson(db, user.id)?.memberships).toEqual([]);
	});
});
