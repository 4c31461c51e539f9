// The daily digest on the job runner over two days, the clock fixed by the test: one digest a
// day per person, from 07:00 where they live, never twice, nothing for topics sent at once or
// kept in the app, nothing when there is nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { notifications, organisations, outbox, users } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { runAllJobs } from '../jobs/runner';
import { dailyDigest } from './digest';
import { notify } from './in-app';
import { savePreferences, DEFAULT_DELIVERY } from './preferences';
import { createTransport, deliverPending } from './mailer';
import { startSmtp, type Received } from './test-smtp';

const ORIGIN = 'https://passerelle.example.org';
let smtp: { received: Received[]; url: string; close: () => Promise<void> };
beforeAll(async () => (smtp = await startSmtp()));
afterAll(() => smtp.close());

let db: DB;
let visitId = 0;
let host = 0;
const who: Record<string, number> = {};

beforeEach(() => {
	db = createTestDb();
	smtp.received.length = 0;
	host = addOrganisation(db, 'KEOOGO', 'Africa/Abidjan');
	const staff = addOrganisation(db, 'Réseau', 'Africa/Ouagadougou');
	db.update(organisations).set({ isNetworkStaff: true }).where(eq(organisations.id, staff)).run();
	const member = (email: string, locale: 'fr' | 'es' | 'ar', timeZone: string | null) => {
		const id = addUser(db, email, { locale, memberOf: [[host, 'coordinator']] });
		db.update(users).set({ timeZone }).where(eq(users.id, id)).run();
		return id;
	};
	// Ouagadougou is UTC+0, Beirut UTC+2 in winter, Bogotá UTC−5.
	who.awa = member('awa@keoogo.test', 'fr', null); // none: the network's, its staff's
	who.karim = member('karim@keoogo.test', 'ar', 'Asia/Beirut');
	who.lucia = member('lucia@keoogo.test', 'es', 'America/Bogota');
	who.marc = member('marc@keoogo.test', 'fr', 'Europe/Paris');
	who.nina = member('nina@keoogo.test', 'fr', 'Europe/Paris');
	savePreferences(db, who.marc, { ...DEFAULT_DELIVERY, status: 'app' });
	savePreferences(db, who.nina, { ...DEFAULT_DELIVERY, status: 'mail' });
	visitId = addVisit(db, {
		title: 'Observer les classes',
		status: 'confirmed',
		startsOn: '2026-12-07',
		endsOn: '2026-12-11',
		timeZone: 'Africa/Ouagadougou',
		organisations: [[host, 'host']]
	});
});

/** A visit step (a topic sent to the digest by default) told to every coordinator at `at`. */
function step(status: string, at: string) {
	notify(db, {
		kind: 'visit_status',
		visitId,
		organisationIds: [host],
		actorId: null,
		payload: { title: 'Observer les classes', status },
		origin: ORIGIN,
		at: new Date(at)
	});
}

const run = async (at: string) =>
	(await runAllJobs(db, new Date(at), { origin: ORIGIN }, [dailyDigest]))[0].done;
const digestsTo = (id: number) => {
	const email = db.select().from(users).where(eq(users.id, id)).get()!.email;
	return db
		.select()
		.from(outbox)
		.where(eq(outbox.to, email))
		.all()
		.filter((m) => m.kind === 'digest');
};

describe('the daily digest', () => {
	it('goes once a day per person, from 07:00 in their time zone, over two days', async () => {
		step('confirmed', '2026-12-01T18:00:00Z');
		// 05:00 in Ouagadougou and 00:00 in Bogotá, 07:00 in Beirut: Karim's only.
		expect(await run('2026-12-02T05:00:00Z')).toEqual([
			`user ${who.karim}: 1 in the digest of 2026-12-02 (Asia/Beirut)`
		]);
		expect(await run('2026-12-02T06:59:00Z')).toEqual([]);
		expect(await run('2026-12-02T07:00:00Z')).toEqual([
			`user ${who.awa}: 1 in the digest of 2026-12-02 (Africa/Ouagadougou)`
		]);
		// Something new at 10:00 UTC: after Awa's and Karim's 07:00, before Lucía's.
		step('completed', '2026-12-02T10:00:00Z');
		expect(await run('2026-12-02T11:59:00Z')).toEqual([]);
		expect(await run('2026-12-02T12:00:00Z')).toEqual([
			`user ${who.lucia}: 2 in the digest of 2026-12-02 (America/Bogota)`
		]);
		// The runner again, later that day: nothing twice.
		expect(await run('2026-12-02T12:15:00Z')).toEqual([]);
		expect(await run('2026-12-02T22:00:00Z')).toEqual([]);

		// Day two: the 10:00 news reaches Karim and Awa at their 07:00; Lucía has had it.
		expect(await run('2026-12-03T05:00:00Z')).toEqual([
			`user ${who.karim}: 1 in the digest of 2026-12-03 (Asia/Beirut)`
		]);
		expect(await run('2026-12-03T07:00:00Z')).toEqual([
			`user ${who.awa}: 1 in the digest of 2026-12-03 (Africa/Ouagadougou)`
		]);
		expect(await run('2026-12-03T12:00:00Z')).toEqual([]);
		expect(await run('2026-12-03T23:00:00Z')).toEqual([]);
		// Day three, nothing new: nothing sent.
		expect(await run('2026-12-04T12:00:00Z')).toEqual([]);

		expect(digestsTo(who.karim)).toHaveLength(2);
		expect(digestsTo(who.awa)).toHaveLength(2);
		expect(digestsTo(who.lucia)).toHaveLength(1);
		// "In the app only" and "at once" are never in a digest; "at once" left at the time.
		expect(digestsTo(who.marc)).toHaveLength(0);
		expect(digestsTo(who.nina)).toHaveLength(0);
		const nina = db.select().from(outbox).where(eq(outbox.to, 'nina@keoogo.test')).all();
		expect(nina.map((m) => m.kind)).toEqual(['visit_status', 'visit_status']);
		// Everyone still has both in the app.
		for (const id of Object.values(who)) {
			expect(
				db.select().from(notifications).where(eq(notifications.userId, id)).all()
			).toHaveLength(2);
		}
	});

	it('lists the news in the reader’s language and time zone, with a way to stop it', async () => {
		step('confirmed', '2026-12-01T18:00:00Z');
		step('completed', '2026-12-01T19:30:00Z');
		await run('2026-12-02T12:00:00Z');
		await deliverPending(
			db,
			createTransport(smtp.url),
			'Passerelle <no-reply@localhost>',
			ORIGIN,
			50
		);
		const raw = smtp.received.find((r) => r.to.includes('lucia@keoogo.test'))!;
		const mail = await simpleParser(raw.data);
		expect(mail.subject).toBe('Passerelle · Su resumen del miércoles, 2 de diciembre de 2026');
		expect(mail.headers.get('content-language')).toBe('es');
		expect(mail.text).toContain('Novedades desde su último resumen: 2');
		// 18:00 and 19:30 UTC are 13:00 and 14:30 in Bogotá.
		expect(mail.text).toMatch(
			/1 de diciembre de 2026, 13:00 \(America\/Bogota\) · «Observer les classes» ahora está: Confirmada/
		);
		expect(mail.text).toMatch(
			/14:30 \(America\/Bogota\) · «Observer les classes» ahora está: Realizada/
		);
		expect(mail.text).toContain(`${ORIGIN}/visits/${visitId}`);
		expect(mail.text).toContain(`${ORIGIN}/account#inbox`);
		const unsubscribe = mail.text!.match(/https:\/\/\S+\/unsubscribe\/\S+/)![0];
		// Folded lines unfolded (RFC 5322 2.2.3), as a mail client reads them.
		const header = (key: string) =>
			mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, ' ');
		expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
		expect(header('list-unsubscribe-post')).toBe(
			'List-Unsubscribe-Post: List-Unsubscribe=One-Click'
		);
		expect(String(mail.html)).toContain(`href="${unsubscribe}"`);
		// Mails sent at once carry no List-Unsubscribe: only the digest can be switched off so.
		const nina = smtp.received.find((r) => r.to.includes('nina@keoogo.test'))!;
		const atOnce = await simpleParser(nina.data);
		expect(atOnce.headerLines.some((h) => h.key.startsWith('list-'))).toBe(false);
	});

	it('sends nothing to a disabled account, and nothing when the person is switched to the app', async () => {
		step('confirmed', '2026-12-01T18:00:00Z');
		db.update(users).set({ disabled: true }).where(eq(users.id, who.awa)).run();
		savePreferences(db, who.lucia, { ...DEFAULT_DELIVERY, status: 'app' });
		expect(await run('2026-12-02T20:00:00Z')).toEqual([
			`user ${who.karim}: 1 in the digest of 2026-12-02 (Asia/Beirut)`
		]);
	});
});
