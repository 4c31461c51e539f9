// The digest's unsubscribe link works without a session: it must be unforgeable and change only
// its owner's choices.
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { notifications } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe';
import {
	DEFAULT_DELIVERY,
	deliveryFor,
	preferencesOf,
	savePreferences,
	switchDigestOff
} from './preferences';
import { notify } from './in-app';

let db: DB;
let awa = 0;
let moussa = 0;
let org = 0;

beforeEach(() => {
	db = createTestDb();
	org = addOrganisation(db, 'KEOOGO');
	awa = addUser(db, 'awa@keoogo.test', { memberOf: [[org, 'coordinator']] });
	moussa = addUser(db, 'moussa@keoogo.test', { memberOf: [[org, 'coordinator']] });
});

describe('the unsubscribe token', () => {
	it('names its owner and nobody else', () => {
		const token = unsubscribeToken(db, awa);
		expect(verifyUnsubscribeToken(db, token)).toBe(awa);
		expect(unsubscribeToken(db, awa)).toBe(token);
		expect(verifyUnsubscribeToken(db, unsubscribeToken(db, moussa))).toBe(moussa);
	});

	it('cannot be forged: another id, a changed signature, another server’s key, junk', () => {
		const token = unsubscribeToken(db, awa);
		const [, signature] = token.split('.');
		expect(verifyUnsubscribeToken(db, `${moussa}.${signature}`)).toBeNull();
		const flipped =
			signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
		expect(verifyUnsubscribeToken(db, `${awa}.${flipped}`)).toBeNull();
		// Another installation has its own random key.
		expect(verifyUnsubscribeToken(createTestDb(), token)).toBeNull();
		for (const junk of [
			'',
			`${awa}`,
			`${awa}.`,
			`0${awa}.${signature}`,
			`${awa}.${signature}=`,
			`${awa}.${signature}x`,
			'../1.x'
		]) {
			expect(verifyUnsubscribeToken(db, junk)).toBeNull();
		}
	});
});

describe('switching the digest off', () => {
	const step = () =>
		notify(db, {
			kind: 'visit_status',
			visitId: addVisit(db, {
				status: 'confirmed',
				startsOn: '2026-12-07',
				endsOn: '2026-12-08',
				timeZone: 'UTC',
				organisations: [[org, 'host']]
			}),
			organisationIds: [org],
			actorId: null,
			payload: { title: 'Visite', status: 'confirmed' },
			origin: 'https://passerelle.test'
		});
	const waiting = (userId: number) =>
		db
			.select()
			.from(notifications)
			.where(
				and(
					eq(notifications.userId, userId),
					eq(notifications.delivery, 'digest'),
					isNull(notifications.digestedAt)
				)
			)
			.all().length;

	it('moves only its owner’s digest topics to the app and drops what waited for it', () => {
		savePreferences(db, awa, { ...DEFAULT_DELIVERY, proposals: 'digest' });
		step();
		expect(waiting(awa)).toBe(1);
		expect(waiting(moussa)).toBe(1);

		const userId = verifyUnsubscribeToken(db, unsubscribeToken(db, awa))!;
		expect(switchDigestOff(db, userId)).toBe(2);
		expect(preferencesOf(db, awa)).toEqual({
			proposals: 'app',
			changes: 'mail',
			status: 'app',
			reminders: 'mail'
		});
		expect(waiting(awa)).toBe(0);
		// Still in the app.
		expect(db.select().from(notifications).where(eq(notifications.userId, awa)).all()).toHaveLength(
			1
		);
		// Moussa's choices and waiting news are untouched.
		expect(preferencesOf(db, moussa)).toEqual(DEFAULT_DELIVERY);
		expect(waiting(moussa)).toBe(1);
		// New news for Awa stays in the app only.
		step();
		expect(waiting(awa)).toBe(0);
		expect(waiting(moussa)).toBe(2);
	});
});

describe('preferences', () => {
	it('default to at once for what asks for an answer, and route each kind by its topic', () => {
		expect(preferencesOf(db, awa)).toEqual({
			proposals: 'mail',
			changes: 'mail',
			status: 'digest',
			reminders: 'mail'
		});
		savePreferences(db, awa, {
			proposals: 'digest',
			changes: 'app',
			status: 'mail',
			reminders: 'app'
		});
		expect(deliveryFor(db, awa, 'visit_dates_proposed')).toBe('digest');
		expect(deliveryFor(db, awa, 'visit_cancelled')).toBe('app');
		expect(deliveryFor(db, awa, 'visit_status')).toBe('mail');
		expect(deliveryFor(db, awa, 'action_reminder')).toBe('app');
		// Evaluation links carry the private link: always at once.
		expect(deliveryFor(db, awa, 'evaluation_opened')).toBe('mail');
		expect(deliveryFor(db, moussa, 'visit_status')).toBe('digest');
	});
});
