// The demo built on several "today"s, past and future: it always has visits at every stage of
// their lifecycle, keeps the lifecycle's rules, and gives every demo account a home page with
// something on it. The clock is injected (seedDemo's `now`), never mocked.
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import {
	auditEvents,
	delegates,
	evaluationResponses,
	evaluations,
	outbox,
	users,
	visits
} from '../db/schema';
import { seedDemo } from './seed';
import { DEMO_USERS } from './data';
import { LIVING_VISITS } from './living-data';
import { getVisit, isInProgress } from '../visits/read';
import { listAgenda } from '../agenda/programme';
import { actorOf } from '../accounts/users';
import { can, coordinatedOrganisations } from '../policy';
import { awaitingMyAnswer, staleProposals, upcomingVisits } from '../visits/home';
import { pendingSheetsOf } from '../evaluations/roster';
import { sheetByToken } from '../evaluations/sheet';
import { unreadCount } from '../notifications/in-app';
import { programmeWarnings, visitDays } from '$lib/agenda';
import {
	ACCEPTS_EVALUATIONS,
	GOING_AHEAD,
	TOOK_PLACE,
	hasBegun,
	todayIn
} from '$lib/visit-lifecycle';

const TODAYS = [
	new Date('2026-01-15T09:00:00Z'),
	new Date('2028-02-29T12:00:00Z'),
	// Late evening in West Africa, already tomorrow in Porto-Novo (UTC+1).
	new Date('2031-07-01T23:30:00Z')
];

function build(now: Date) {
	const db = createTestDb();
	return seedDemo(db, now, 'http://demo.test').then((done) => {
		expect(done).toBe(true);
		return db;
	});
}

const allVisits = (db: DB) =>
	db
		.select({ id: visits.id })
		.from(visits)
		.all()
		.map((v) => getVisit(db, v.id)!);

describe.each(TODAYS.map((now) => [now.toISOString(), now] as const))(
	'the demo on %s',
	(_, now) => {
		let db: DB;
		const living = () =>
			allVisits(db).filter((v) => LIVING_VISITS.some((l) => l.title === v.title));
		const today = (v: { timeZone: string }) => todayIn(v.timeZone, now);

		it('builds', async () => {
			db = await build(now);
		}, 60_000);

		it('has visits at every stage: proposed, accepted and confirmed ahead, one under way, one just over', () => {
			const all = allVisits(db);
			const ahead = (status: string) =>
				all.filter((v) => v.status === status && v.startsOn > today(v));
			expect(ahead('proposed').length).toBeGreaterThan(0);
			expect(ahead('accepted').length).toBeGreaterThan(0);
			expect(ahead('confirmed').length).toBeGreaterThan(0);
			// Ahead means within the coming weeks, with a programme and a delegation.
			for (const v of [...ahead('accepted'), ...ahead('confirmed')]) {
				const days = (Date.parse(v.startsOn) - Date.parse(today(v))) / 86_400_000;
				expect(days).toBeLessThanOrEqual(60);
				expect(listAgenda(db, v.id).length).toBeGreaterThan(0);
				expect(db.select().from(delegates).where(eq(delegates.visitId, v.id)).all()).not.toEqual(
					[]
				);
			}
			const underWay = all.filter((v) => isInProgress(v, now));
			expect(underWay).toHaveLength(1);
			expect(listAgenda(db, underWay[0].id).some((s) => s.day === today(underWay[0]))).toBe(true);
			const recent = all.filter(
				(v) =>
					v.status === 'completed' && Date.parse(today(v)) - Date.parse(v.endsOn) <= 14 * 86_400_000
			);
			expect(recent).toHaveLength(1);
			// The historical visits of the domain texts keep their real dates.
			const may = all.find((v) => v.title.startsWith('Observer les classes préscolaires'))!;
			expect([may.startsOn, may.endsOn, may.status]).toEqual([
				'2024-05-05',
				'2024-05-10',
				'completed'
			]);
		});

		it('has the recent visit evaluated: links sent to every delegate, some answered, others waiting', () => {
			const recent = allVisits(db).find((v) => v.title.startsWith('Atelier régional'))!;
			const evaluation = db
				.select()
				.from(evaluations)
				.where(eq(evaluations.visitId, recent.id))
				.get()!;
			const sheets = db
				.select()
				.from(evaluationResponses)
				.where(eq(evaluationResponses.evaluationId, evaluation.id))
				.all();
			expect(sheets).toHaveLength(
				db.select().from(delegates).where(eq(delegates.visitId, recent.id)).all().length
			);
			expect(sheets.every((s) => s.sentAt && s.sentAt <= now)).toBe(true);
			expect(sheets.filter((s) => s.submittedAt).length).toBe(2);
			expect(sheets.filter((s) => !s.submittedAt && s.savedAt).length).toBe(1);
			expect(sheets.filter((s) => !s.savedAt).length).toBe(2);
			// Every link is in the outbox, and opens its delegate's sheet.
			const links = db
				.select()
				.from(outbox)
				.where(eq(outbox.kind, 'evaluation_opened'))
				.all()
				.map((mail) => /http:\/\/demo\.test\/e\/([a-z2-7]{64})/.exec(mail.body)?.[1]);
			expect(links).toHaveLength(sheets.length);
			const opened = links.map((token) => sheetByToken(db, token!, now)?.response.respondentName);
			expect(opened.sort()).toEqual(sheets.map((s) => s.respondentName).sort());
		});

		it('numbers the visits as the README walks them', () => {
			const titles = allVisits(db)
				.sort((a, b) => a.id - b.id)
				.map((v) => [v.id, v.title.split(' ').slice(0, 2).join(' ')]);
			expect(titles).toEqual([
				[1, 'Observer les'],
				[2, 'Promotion de'],
				[3, 'Communauté de'],
				[4, 'Atelier «'],
				[5, 'Découvrir la'],
				[6, 'Maraudes de'],
				[7, 'Le jardin'],
				[8, 'Cantines scolaires'],
				[9, 'Atelier régional']
			]);
		});

		it('keeps the lifecycle: nothing over before it began, nothing going ahead after it ended', () => {
			for (const v of allVisits(db)) {
				if (TOOK_PLACE.includes(v.status)) expect(hasBegun(v, now), v.title).toBe(true);
				if (GOING_AHEAD.includes(v.status)) expect(v.endsOn >= today(v), v.title).toBe(true);
				if (v.status === 'proposed') expect(v.startsOn > today(v), v.title).toBe(true);
				const evaluation = db.select().from(evaluations).where(eq(evaluations.visitId, v.id)).get();
				if (evaluation) expect(ACCEPTS_EVALUATIONS).toContain(v.status);
			}
			// Each living visit's history reads in order, all of it before today.
			for (const v of living()) {
				const history = db
					.select()
					.from(auditEvents)
					.where(and(eq(auditEvents.entity, 'visit'), eq(auditEvents.entityId, String(v.id))))
					.orderBy(asc(auditEvents.id))
					.all();
				const times = history.map((e) => e.at.getTime());
				expect(times, v.title).toEqual([...times].sort((a, b) => a - b));
				expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
				expect(v.createdAt.getTime()).toBe(times[0]);
			}
			for (const s of db.select().from(evaluationResponses).all()) {
				if (s.submittedAt) expect(s.submittedAt.getTime()).toBeLessThanOrEqual(now.getTime());
				if (s.savedAt) expect(s.savedAt.getTime()).toBeLessThanOrEqual(now.getTime());
			}
		});

		it('keeps every session inside its visit, and the living programmes free of overlaps', () => {
			for (const v of allVisits(db)) {
				const days = visitDays(v.startsOn, v.endsOn);
				for (const s of listAgenda(db, v.id)) {
					expect(days, `${v.title}: ${s.title}`).toContain(s.day);
					expect(s.endsAt > s.startsAt).toBe(true);
				}
			}
			for (const v of living()) {
				const arrivals = db
					.select({ name: delegates.name, arrivesAt: delegates.arrivesAt })
					.from(delegates)
					.where(eq(delegates.visitId, v.id))
					.all();
				const warnings = programmeWarnings(listAgenda(db, v.id), v, arrivals);
				// Only a visit still being prepared may have days without a programme yet.
				const allowed = v.status === 'accepted' ? ['empty_day'] : [];
				expect(
					warnings.filter((w) => !allowed.includes(w.kind)),
					v.title
				).toEqual([]);
				for (const s of listAgenda(db, v.id)) {
					expect(s.startsAt >= '07:00' && s.endsAt <= '23:00', s.title).toBe(true);
				}
			}
		});

		it('gives every demo account a home page with something on it, and a quiet bell', () => {
			for (const demo of DEMO_USERS) {
				const user = db.select().from(users).where(eq(users.email, demo.email)).get()!;
				const actor = actorOf(db, user);
				const own = actor.memberships.map((m) => m.organisationId);
				const shown = [
					...upcomingVisits(db, own, now),
					...awaitingMyAnswer(db, coordinatedOrganisations(actor)),
					...pendingSheetsOf(db, user.id, now),
					...(can(actor, 'dashboard.view') ? staleProposals(db, 14, now) : [])
				];
				expect(shown.length, demo.email).toBeGreaterThan(0);
				if (demo.role === 'coordinator' && demo.globalRole !== 'staff') {
					expect(upcomingVisits(db, own, now).length, demo.email).toBeGreaterThan(0);
				}
			}
			const dt = db
				.select()
				.from(users)
				.where(eq(users.email, 'coordinator@dispensaire-trottoir.example.org'))
				.get()!;
			for (const u of db.select().from(users).all()) {
				if (u.id !== dt.id) expect(unreadCount(db, u.id), u.email).toBe(0);
			}
		});
	}
);
