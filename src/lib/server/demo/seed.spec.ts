import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { notifications, organisations, users, visitOrganisations, visits } from '../db/schema';
import { authenticate } from '../accounts/users';
import { getVisit } from '../visits/read';
import { unreadCount } from '../notifications/in-app';
import { listAgenda } from '../agenda/programme';
import { programmeWarnings, visitDays } from '$lib/agenda';
import { seedDemo } from './seed';
import { lessonsOfVisit } from '../lessons/record';
import { actionsOfVisit, listActions } from '../actions/tracking';
import { DEMO_PASSWORD, DEMO_USERS } from './data';
import { evaluationResults } from '../evaluations/results';
import { evaluationResponses, evaluations, outbox } from '../db/schema';
import { evaluationReminders } from '../evaluations/reminders';

const NOW = new Date('2026-11-22T10:00:00Z');
let db: DB;

beforeAll(async () => {
	db = createTestDb();
	expect(await seedDemo(db, NOW)).toBe(true);
}, 60_000);

const visitByTitle = (fragment: string) => {
	const row = db
		.select()
		.from(visits)
		.all()
		.find((v) => v.title.includes(fragment));
	if (!row) throw new Error(`no demo visit with "${fragment}"`);
	return getVisit(db, row.id)!;
};

describe('demo network', () => {
	it('names the partners of the domain texts, with valid IANA time zones', () => {
		const orgs = db.select().from(organisations).all();
		const names = orgs.map((o) => o.name);
		for (const name of [
			'PARTAGE',
			'KEOOGO',
			'Dispensaire Trottoir',
			'RACINES',
			'MAEECHA',
			'AHEED',
			'ADEMA',
			'Voice of Children',
			'San Juan de Jerusalen',
			'INEPE'
		]) {
			expect(names).toContain(name);
		}
		expect(orgs.find((o) => o.country === 'MA' && o.city === 'Tanger')).toBeDefined();
		expect(orgs.filter((o) => o.isNetworkStaff).map((o) => o.name)).toEqual(['PARTAGE']);
		for (const org of orgs) {
			expect(() => new Intl.DateTimeFormat('en', { timeZone: org.timeZone })).not.toThrow();
		}
	});

	it('has the KEOOGO visit to Dispensaire Trottoir of 5–10 May 2024, completed', () => {
		const v = visitByTitle('classes préscolaires du Dispensaire');
		expect([v.startsOn, v.endsOn, v.status]).toEqual(['2024-05-05', '2024-05-10', 'completed']);
		expect(v.host?.name).toBe('Dispensaire Trottoir');
		expect(v.visitors.map((o) => o.name)).toEqual(['KEOOGO']);
	});

	it('has the RACINES visit to MAEECHA of November 2023, completed', () => {
		const v = visitByTitle('MAEECHA');
		expect(v.startsOn.startsWith('2023-11')).toBe(true);
		expect(v.status).toBe('completed');
		expect(v.host?.shortName).toBe('MAEECHA');
		expect(v.visitors.map((o) => o.shortName)).toEqual(['RACINES']);
	});

	it('has the Tangiers meeting: 19 organisations from the 10 countries, 26 participants', () => {
		const v = visitByTitle('Communauté de pratiques');
		expect(v.kind).toBe('meeting');
		expect([v.startsOn, v.endsOn]).toEqual(['2024-10-28', '2024-11-02']);
		expect(v.expectedSize).toBe(26);
		expect(v.host?.country).toBe('MA');
		const all = [v.host!, ...v.facilitators, ...v.visitors];
		expect(all).toHaveLength(19);
		const countries = new Set(all.map((o) => (o.country === 'YT' ? 'FR' : o.country)));
		expect([...countries].sort()).toEqual(
			['BF', 'CD', 'CG', 'CM', 'FR', 'MA', 'MG', 'ML', 'PE', 'SN'].sort()
		);
	});

	it('has the Compiègne canteens workshop with MAEECHA, RACINES and AHEED', () => {
		const v = visitByTitle('Cantines');
		expect([v.startsOn, v.endsOn]).toEqual(['2024-02-26', '2024-02-28']);
		expect(v.place).toContain('Compiègne');
		expect(v.visitors.map((o) => o.shortName).sort()).toEqual(['AHEED', 'MAEECHA', 'RACINES']);
	});

	it('gives the KEOOGO visit a programme every day and the Tangiers meeting parallel workshops', () => {
		const keoogo = visitByTitle('classes préscolaires du Dispensaire');
		const sessions = listAgenda(db, keoogo.id);
		const days = visitDays(keoogo.startsOn, keoogo.endsOn);
		expect(days).toHaveLength(6);
		for (const day of days) expect(sessions.some((s) => s.day === day)).toBe(true);
		expect(sessions.at(0)).toMatchObject({ day: '2024-05-05', kind: 'travel' });
		expect(sessions.at(-1)).toMatchObject({ day: '2024-05-10', kind: 'travel' });
		expect(new Set(sessions.map((s) => s.uid)).size).toBe(sessions.length);

		const tangiers = visitByTitle('Communauté de pratiques');
		const programme = listAgenda(db, tangiers.id);
		const overlaps = programmeWarnings(programme, tangiers).flatMap((w) =>
			w.kind === 'overlap' ? [w.ids] : []
		);
		const kinds = (ids: number[]) => ids.map((id) => programme.find((s) => s.id === id)?.kind);
		expect(overlaps.some((pair) => kinds(pair).every((k) => k === 'workshop'))).toBe(true);
		expect(programme.some((s) => s.kind === 'site_visit' && /100\s%\sMamans/.test(s.title))).toBe(
			true
		);
		expect(programmeWarnings(programme, tangiers).some((w) => w.kind === 'empty_day')).toBe(false);
		expect(listAgenda(db, visitByTitle('pédagogie préscolaire').id)).toEqual([]);
	});

	it('has a RACINES proposal to Dispensaire Trottoir two months ahead, awaiting its answer', () => {
		const v = visitByTitle('pédagogie préscolaire');
		expect(v.status).toBe('proposed');
		expect(v.startsOn).toBe('2027-01-21');
		expect(v.proposer?.shortName).toBe('RACINES');
		expect(v.host?.shortName).toBe('DT');
		expect(v.host?.response).toBe('invited');
		expect(v.createdAt.toISOString().slice(0, 10)).toBe('2026-11-02');
	});

	it('has told the Dispensaire Trottoir coordinator about the RACINES proposal, unread', () => {
		const dt = db
			.select()
			.from(users)
			.where(eq(users.email, 'coordinator@dispensaire-trottoir.example.org'))
			.get()!;
		const proposal = visitByTitle('pédagogie préscolaire');
		const mine = db.select().from(notifications).where(eq(notifications.userId, dt.id)).all();
		expect(mine.find((n) => n.visitId === proposal.id)).toMatchObject({
			kind: 'visit_proposed',
			payload: { organisation: 'RACINES' },
			readAt: null
		});
		expect(unreadCount(db, dt.id)).toBe(3);
		// Everyone else's bell is quiet: what setting up the living visits told them is read.
		for (const u of db.select().from(users).all()) {
			if (u.id !== dt.id) expect(unreadCount(db, u.id)).toBe(0);
		}
	});

	it('gives every visit exactly one host', () => {
		const hosts = db
			.select({ visitId: visitOrganisations.visitId, n: count() })
			.from(visitOrganisations)
			.where(eq(visitOrganisations.role, 'host'))
			.groupBy(visitOrganisations.visitId)
			.all();
		expect(hosts).toHaveLength(db.select().from(visits).all().length);
		expect(hosts.every((h) => h.n === 1)).toBe(true);
	});

	it('lets every demo account sign in with the published password', async () => {
		for (const demo of DEMO_USERS) {
			const user = await authenticate(db, demo.email, DEMO_PASSWORD);
			expect(user?.email).toBe(demo.email);
		}
		expect(
			db
				.select()
				.from(users)
				.all()
				.find((u) => u.email.startsWith('staff'))?.globalRole
		).toBe('staff');
	});

	it('writes nothing into a database that already has data', async () => {
		const before = db.select({ n: count() }).from(visits).get()!.n;
		expect(await seedDemo(db, NOW)).toBe(false);
		expect(db.select({ n: count() }).from(visits).get()!.n).toBe(before);
	});
});

describe('demo follow-up', () => {
	it('has the three lessons and three actions of the KEOOGO visit, one overdue', () => {
		const v = visitByTitle('classes préscolaires du Dispensaire');
		const titles = lessonsOfVisit(db, v.id, null).map((l) => l.title);
		expect(titles).toHaveLength(3);
		expect(titles.join(' ')).toMatch(/assistants.*curricula.*tutelle/);
		const acts = actionsOfVisit(db, v.id, null);
		expect(acts.map((a) => a.status).sort()).toEqual(['done', 'in_progress', 'open']);
		const overdue = listActions(db, { viewer: null, today: '2026-11-22', overdue: true });
		expect(overdue.items.map((a) => a.title)).toEqual([
			'Analyser les documents partagés par le Dispensaire Trottoir'
		]);
	});

	it('has RACINES lessons, one kept to the visit', () => {
		const v = visitByTitle('bibliothèque mobile');
		expect(lessonsOfVisit(db, v.id, null)).toHaveLength(3);
		expect(lessonsOfVisit(db, v.id, [])).toHaveLength(2);
	});
});

describe('demo evaluation', () => {
	it('has the RACINES → MAEECHA sheets: both organisations submitted, one draft left', () => {
		const v = visitByTitle('bibliothèque mobile');
		const r = evaluationResults(db, v.id, { viewer: null, locale: 'fr' })!;
		expect([r.responses, r.submitted, r.rate]).toEqual([4, 3, 75]);
		expect(r.organisations.map((o) => [o.shortName, o.responses, o.submitted])).toEqual([
			['MAEECHA', 2, 1],
			['RACINES', 2, 2]
		]);
		const overall = r.questions.find((q) => q.code === 'overall')!;
		expect(overall.counts).toEqual([0, 0, 0, 2, 1]);
		expect(r.questions.find((q) => q.code === 'objectives')!.mean).toBe(4);
		// The draft's unfinished sentence is nowhere in the results.
		const texts = r.questions.flatMap((q) => q.answers.map((a) => a.text));
		expect(texts.some((t) => t.startsWith('La visite des C2L'))).toBe(false);
		expect(texts).toHaveLength(9);
	});

	it('stores only SHA-256 hashes of the private links, and links Tobias to his account', () => {
		const v = visitByTitle('bibliothèque mobile');
		const evaluation = db.select().from(evaluations).where(eq(evaluations.visitId, v.id)).get()!;
		const sheets = db
			.select()
			.from(evaluationResponses)
			.where(eq(evaluationResponses.evaluationId, evaluation.id))
			.all();
		expect(sheets).toHaveLength(4);
		for (const s of sheets) expect(s.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(new Set(sheets.map((s) => s.tokenHash)).size).toBe(4);
		const tobias = db
			.select()
			.from(users)
			.where(eq(users.email, 'coordinator@racines.example.org'))
			.get()!;
		expect(sheets.find((s) => s.respondentName === 'Tobias Gbaguidi')?.userId).toBe(tobias.id);
	});
});

describe('demo evaluation reminders', () => {
	it('has nothing left to remind: the draft got both automatic reminders already', () => {
		const before = db.select().from(outbox).all().length;
		expect(evaluationReminders.run(db, NOW, { origin: 'http://localhost' })).toEqual([]);
		expect(db.select().from(outbox).all()).toHaveLength(before);
	});
});
