import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { notifications, outbox } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import {
	NOTIFICATIONS_PAGE_SIZE,
	listNotifications,
	markAllRead,
	markRead,
	notify,
	unreadCount,
	type Notice
} from './in-app';

const ORIGIN = 'https://passerelle.example.org';
let db: DB;
let host: number;
let guest: number;
let other: number;
let visitId: number;

beforeEach(() => {
	db = createTestDb();
	host = addOrganisation(db, 'DT');
	guest = addOrganisation(db, 'RACINES', 'Africa/Porto-Novo');
	other = addOrganisation(db, 'MAEECHA', 'Indian/Comoro');
	visitId = addVisit(db, {
		title: 'Découvrir la pédagogie préscolaire',
		status: 'proposed',
		startsOn: '2027-01-21',
		endsOn: '2027-01-25',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[host, 'host', 'invited'],
			[guest, 'visitor']
		]
	});
});

const proposal = (actorId: number | null, organisationIds = [host, guest]): Notice => ({
	kind: 'visit_proposed',
	visitId,
	organisationIds,
	actorId,
	payload: { organisation: 'RACINES', title: 'Découvrir la pédagogie préscolaire' },
	origin: ORIGIN
});

const notificationsOf = (userId: number) =>
	db.select().from(notifications).where(eq(notifications.userId, userId)).all();

describe('notify', () => {
	it('tells only the active coordinators of the given organisations, never the actor', () => {
		const hostCoordinator = addUser(db, 'coord@dt.example.org', {
			memberOf: [[host, 'coordinator']]
		});
		const hostMember = addUser(db, 'member@dt.example.org', { memberOf: [[host, 'member']] });
		const disabled = addUser(db, 'gone@dt.example.org', {
			disabled: true,
			memberOf: [[host, 'coordinator']]
		});
		const actor = addUser(db, 'coord@racines.example.org', { memberOf: [[guest, 'coordinator']] });
		const elsewhere = addUser(db, 'coord@maeecha.example.org', {
			memberOf: [[other, 'coordinator']]
		});
		// Coordinates both organisations: told once.
		const both = addUser(db, 'both@example.org', {
			memberOf: [
				[host, 'coordinator'],
				[guest, 'coordinator']
			]
		});

		expect(db.transaction((tx) => notify(tx, proposal(actor)))).toBe(2);

		for (const told of [hostCoordinator, both]) {
			expect(notificationsOf(told)).toMatchObject([
				{ kind: 'visit_proposed', visitId, readAt: null }
			]);
		}
		for (const notTold of [hostMember, disabled, actor, elsewhere]) {
			expect(notificationsOf(notTold)).toEqual([]);
		}
		expect(
			db
				.select()
				.from(outbox)
				.all()
				.map((m) => m.to)
				.sort()
		).toEqual(['both@example.org', 'coord@dt.example.org']);
	});

	it("writes each e-mail in the recipient's language, with a link to the visit", () => {
		addUser(db, 'fr@dt.example.org', { locale: 'fr', memberOf: [[host, 'coordinator']] });
		addUser(db, 'ar@dt.example.org', { locale: 'ar', memberOf: [[host, 'coordinator']] });
		addUser(db, 'none@dt.example.org', { memberOf: [[host, 'coordinator']] });
		addUser(db, 'es@racines.example.org', { locale: 'es', memberOf: [[guest, 'coordinator']] });
		db.transaction((tx) => notify(tx, proposal(null)));

		const mails = new Map(
			db
				.select()
				.from(outbox)
				.all()
				.map((m) => [m.to, m])
		);
		expect(mails.size).toBe(4);
		expect(mails.get('fr@dt.example.org')!.body).toContain('RACINES propose une visite');
		expect(mails.get('none@dt.example.org')!.body).toContain('RACINES propose une visite');
		expect(mails.get('es@racines.example.org')!.body).toContain('RACINES propone una visita');
		expect(mails.get('ar@dt.example.org')!.body).toMatch(/[\u0600-\u06FF]/);
		for (const mail of mails.values()) {
			expect(mail.kind).toBe('visit_proposed');
			expect(mail.subject).toContain('Découvrir la pédagogie préscolaire');
			expect(mail.body).toContain(`${ORIGIN}/visits/${visitId}`);
		}
	});

	it('is rolled back with the change that caused it', () => {
		addUser(db, 'coord@dt.example.org', { memberOf: [[host, 'coordinator']] });
		expect(() =>
			db.transaction((tx) => {
				notify(tx, proposal(null));
				throw new Error('the change failed');
			})
		).toThrow('the change failed');
		expect(db.select().from(notifications).all()).toEqual([]);
		expect(db.select().from(outbox).all()).toEqual([]);
	});
});

describe('reading notifications', () => {
	let awa: number;
	let bintou: number;

	beforeEach(() => {
		awa = addUser(db, 'awa@dt.example.org', { memberOf: [[host, 'coordinator']] });
		bintou = addUser(db, 'bintou@racines.example.org', { memberOf: [[guest, 'coordinator']] });
		for (let i = 0; i < 3; i++) db.transaction((tx) => notify(tx, proposal(null)));
	});

	it('counts and lists only the reader’s own, newest first', () => {
		expect(unreadCount(db, awa)).toBe(3);
		expect(unreadCount(db, bintou)).toBe(3);
		const list = listNotifications(db, awa);
		expect(list.total).toBe(3);
		expect(list.unread).toBe(3);
		expect(list.items.map((n) => n.id)).toEqual(
			notificationsOf(awa)
				.map((n) => n.id)
				.sort((a, b) => b - a)
		);
	});

	it('marks one read for its owner only, and says which visit it leads to', () => {
		const [mine] = notificationsOf(awa);
		const [theirs] = notificationsOf(bintou);
		expect(markRead(db, bintou, mine.id)).toBeNull();
		expect(markRead(db, awa, 999_999)).toBeNull();
		expect(unreadCount(db, awa)).toBe(3);

		const firstReading = new Date('2026-11-22T10:00:00Z');
		expect(markRead(db, awa, mine.id, firstReading)).toEqual({ visitId, actionId: null });
		expect(unreadCount(db, awa)).toBe(2);
		expect(unreadCount(db, bintou)).toBe(3);
		// Opening it again keeps the first reading time.
		markRead(db, awa, mine.id, new Date('2026-12-01T10:00:00Z'));
		const row = db.select().from(notifications).where(eq(notifications.id, mine.id)).get()!;
		expect(row.readAt).toEqual(firstReading);
		expect(
			db.select().from(notifications).where(eq(notifications.id, theirs.id)).get()!.readAt
		).toBeNull();
	});

	it('marks all of the reader’s own read, and no one else’s', () => {
		expect(markAllRead(db, awa)).toBe(3);
		expect(unreadCount(db, awa)).toBe(0);
		expect(unreadCount(db, bintou)).toBe(3);
		expect(markAllRead(db, awa)).toBe(0);
	});

	it('pages a long list and keeps the page number in range', () => {
		for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE; i++) {
			db.transaction((tx) => notify(tx, proposal(null, [host])));
		}
		const first = listNotifications(db, awa);
		expect(first.total).toBe(NOTIFICATIONS_PAGE_SIZE + 3);
		expect(first.pages).toBe(2);
		expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
		const last = listNotifications(db, awa, 99);
		expect(last.page).toBe(2);
		expect(last.items).toHaveLength(3);
		expect(listNotifications(db, awa, -4).page).toBe(1);
	});
});
