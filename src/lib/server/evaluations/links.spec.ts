import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { auditEvents, delegates, evaluationResponses, notifications, outbox } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { openEvaluation, sendToNewDelegates } from './links';
import { evaluationReminders, remindAll, resendLink } from './reminders';
import { evaluationRoster, pendingSheetsOf } from './roster';
import { sheetByToken } from './sheet';
import { withLocale } from '../http/locale';

const ORIGIN = 'https://passerelle.test';
const OPENED = new Date('2025-03-10T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let db: DB;
let host = 0;
let visitor = 0;
let visitId = 0;
let awaUser = 0;
const visit = () => ({ id: visitId, title: 'Observer les classes', languages: ['fr'] });
const ctx = (now = OPENED) => ({ actorId: null, origin: ORIGIN, now });

function addDelegate(name: string, organisationId: number, email: string | null, userId?: number) {
	return db
		.insert(delegates)
		.values({ visitId, organisationId, name, email, userId })
		.returning()
		.get().id;
}

/** The newest link mailed to `to`. */
function linkFor(database: DB, to: string) {
	const mails = database.select().from(outbox).where(eq(outbox.to, to)).all();
	const body = mails.at(-1)?.body ?? '';
	return body.match(/\/e\/([a-z2-7]{64})\?lang=(\w\w)/);
}

const mailsTo = (to: string) => db.select().from(outbox).where(eq(outbox.to, to)).all();
const statuses = (now = OPENED) =>
	Object.fromEntries(evaluationRoster(db, visitId, now).rows.map((r) => [r.name, r.status]));

beforeEach(() => {
	db = createTestDb();
	host = addOrganisation(db, 'DT');
	visitor = addOrganisation(db, 'KEOOGO');
	awaUser = addUser(db, 'awa@keoogo.test', { locale: 'ar', memberOf: [[visitor, 'member']] });
	visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2025-03-01',
		endsOn: '2025-03-05',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[host, 'host'],
			[visitor, 'visitor']
		]
	});
	addDelegate('Safiatou', visitor, 'safiatou@keoogo.test');
	addDelegate('Awa', visitor, null, awaUser);
	addDelegate('Agathe', host, 'agathe@dt.test');
	addDelegate('Sans adresse', host, null);
});

const open = () =>
	withLocale('fr', ORIGIN, () => openEvaluation(db, ctx(), visit(), { anonymous: true }));

describe('opening an evaluation', () => {
	it('gives every delegate a sheet and mails a private link; only the hash is kept', () => {
		const result = open();
		expect(result).toEqual({
			ok: true,
			sent: ['Safiatou', 'Awa', 'Agathe'],
			unreachable: ['Sans adresse']
		});
		const link = linkFor(db, 'safiatou@keoogo.test')!;
		expect(link[2]).toBe('fr');
		const token = link[1];
		const stored = db.select().from(evaluationResponses).all();
		expect(stored).toHaveLength(4);
		expect(stored.some((r) => r.tokenHash === token)).toBe(false);
		expect(sheetByToken(db, token, OPENED)?.response.respondentName).toBe('Safiatou');
		// Sixty days later the link no longer opens anything.
		expect(sheetByToken(db, token, new Date(OPENED.getTime() + 61 * DAY))).toBeUndefined();
		// Awa has an account: her account's address, her language, and an in-app notice.
		const awa = linkFor(db, 'awa@keoogo.test')!;
		expect(awa[2]).toBe('ar');
		expect(mailsTo('awa@keoogo.test')[0].body).toContain('مرحبًا Awa');
		expect(
			db.select().from(notifications).where(eq(notifications.userId, awaUser)).all()
		).toMatchObject([{ kind: 'evaluation_opened', visitId }]);
		expect(pendingSheetsOf(db, awaUser, OPENED)).toMatchObject([{ visitId }]);
		expect(statuses()).toEqual({
			Agathe: 'sent',
			'Sans adresse': 'not_sent',
			Awa: 'sent',
			Safiatou: 'sent'
		});
		expect(
			db.select().from(auditEvents).where(eq(auditEvents.action, 'evaluation_opened')).all()
		).toHaveLength(1);
	});

	it('opens once: a second attempt sends nothing', () => {
		open();
		const before = db.select().from(outbox).all().length;
		expect(open()).toEqual({ ok: false, reason: 'already_open' });
		expect(db.select().from(outbox).all()).toHaveLength(before);
	});

	it('sends to delegates added (or given an address) later, and only to them', () => {
		open();
		addDelegate('Natacha', visitor, 'natacha@keoogo.test');
		db.update(delegates)
			.set({ email: 'late@dt.test' })
			.where(eq(delegates.name, 'Sans adresse'))
			.run();
		const result = sendToNewDelegates(db, ctx(), visit());
		expect(result).toEqual({ sent: ['Sans adresse', 'Natacha'], unreachable: [] });
		expect(mailsTo('safiatou@keoogo.test')).toHaveLength(1);
		expect(sendToNewDelegates(db, ctx(), visit())).toEqual({ sent: [], unreachable: [] });
	});
});

describe('reminders', () => {
	it('reminds those who have not submitted, at most once per person per 24 hours', () => {
		open();
		const agathe = sheetByToken(db, linkFor(db, 'agathe@dt.test')![1], OPENED)!;
		db.update(evaluationResponses)
			.set({ submittedAt: OPENED })
			.where(eq(evaluationResponses.id, agathe.response.id))
			.run();
		const firstToken = linkFor(db, 'safiatou@keoogo.test')![1];
		const first = remindAll(db, ctx(new Date(OPENED.getTime() + HOUR)), visit())!;
		expect(first.reminded).toEqual(['Safiatou', 'Awa']);
		expect(first.unreachable).toEqual(['Sans adresse']);
		expect(mailsTo('agathe@dt.test')).toHaveLength(1);
		// The reminder carries a new link; the first one stops working.
		expect(mailsTo('safiatou@keoogo.test')).toHaveLength(2);
		expect(mailsTo('safiatou@keoogo.test')[1].body).toContain('Petit rappel');
		expect(sheetByToken(db, firstToken, OPENED)).toBeUndefined();
		expect(sheetByToken(db, linkFor(db, 'safiatou@keoogo.test')![1], OPENED)).toBeDefined();

		const again = remindAll(db, ctx(new Date(OPENED.getTime() + 20 * HOUR)), visit())!;
		expect(again.reminded).toEqual([]);
		expect(again.skipped).toEqual(['Safiatou', 'Awa']);
		expect(mailsTo('safiatou@keoogo.test')).toHaveLength(2);
		const roster = evaluationRoster(db, visitId, new Date(OPENED.getTime() + 20 * HOUR)).rows;
		expect(roster.find((r) => r.name === 'Safiatou')?.recentlyReminded).toBe(true);

		const nextDay = remindAll(db, ctx(new Date(OPENED.getTime() + 25 * HOUR)), visit())!;
		expect(nextDay.reminded).toEqual(['Safiatou', 'Awa']);
	});

	it('a resend gives one person a new link and makes the old one useless', () => {
		open();
		const oldToken = linkFor(db, 'safiatou@keoogo.test')![1];
		const id = sheetByToken(db, oldToken, OPENED)!.response.id;
		expect(resendLink(db, ctx(), visit(), id)).toBe('sent');
		expect(sheetByToken(db, oldToken, OPENED)).toBeUndefined();
		expect(sheetByToken(db, linkFor(db, 'safiatou@keoogo.test')![1], OPENED)).toBeDefined();
		expect(resendLink(db, ctx(), { ...visit(), id: visitId + 1 }, id)).toBe('not_found');
	});

	it('sends automatic reminders 3 and 7 days after the link, once each, even when run again', async () => {
		open();
		const run = (days: number) =>
			evaluationReminders.run(db, new Date(OPENED.getTime() + days * DAY), { origin: ORIGIN });
		const safiatouMails = () => mailsTo('safiatou@keoogo.test').length;
		expect(await run(2.9)).toEqual([]);
		expect(await run(3)).toHaveLength(3);
		expect(safiatouMails()).toBe(2);
		// Hourly runs, a restart: nothing more until day 7.
		expect(await run(3.1)).toEqual([]);
		expect(await run(6.9)).toEqual([]);
		// Agathe submits meanwhile: she gets no second reminder.
		const agathe = sheetByToken(db, linkFor(db, 'agathe@dt.test')![1], OPENED)!;
		db.update(evaluationResponses)
			.set({ submittedAt: OPENED })
			.where(eq(evaluationResponses.id, agathe.response.id))
			.run();
		expect(await run(7)).toHaveLength(2);
		expect(await run(7.5)).toEqual([]);
		expect(await run(30)).toEqual([]);
		expect(safiatouMails()).toBe(3);
		expect(mailsTo('agathe@dt.test')).toHaveLength(2);
		const awaNotices = db
			.select()
			.from(notifications)
			.where(eq(notifications.userId, awaUser))
			.all();
		expect(awaNotices.map((n) => n.kind)).toEqual([
			'evaluation_opened',
			'evaluation_reminder',
			'evaluation_reminder'
		]);
	});

	it('a job that missed days sends one reminder, not two at once', async () => {
		open();
		const done = await evaluationReminders.run(db, new Date(OPENED.getTime() + 10 * DAY), {
			origin: ORIGIN
		});
		expect(done).toHaveLength(3);
		expect(mailsTo('safiatou@keoogo.test')).toHaveLength(2);
		expect(
			await evaluationReminders.run(db, new Date(OPENED.getTime() + 11 * DAY), { origin: ORIGIN })
		).toEqual([]);
	});

	it('waits when someone was reminded by hand less than a day before', async () => {
		open();
		remindAll(db, ctx(new Date(OPENED.getTime() + 3 * DAY - HOUR)), visit());
		const run = (h: number) =>
			evaluationReminders.run(db, new Date(OPENED.getTime() + h * HOUR), { origin: ORIGIN });
		expect(await run(72)).toEqual([]);
		expect(await run(72 + 23)).toHaveLength(3);
	});
});

describe('statuses', () => {
	it('keeps the sheet of a removed delegate in the list', () => {
		open();
		db.delete(delegates).where(eq(delegates.name, 'Agathe')).run();
		const rows = evaluationRoster(db, visitId, OPENED).rows;
		expect(rows.map((r) => r.name)).toContain('Agathe');
		expect(rows.find((r) => r.name === 'Agathe')).toMatchObject({
			delegateId: null,
			status: 'sent'
		});
	});
});
