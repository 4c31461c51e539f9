// Writes the demo visits placed around the day the demo is created (living-data.ts) the way people
// would: each step through the domain module a form action calls, after asking the policy, with
// the input parsed by the forms' own schemas. A step the rules refuse throws: a demo that cannot
// be built on some date is a bug to see, not a visit to skip.
import { addDays, format, parseISO } from 'date-fns';
import { and, eq, gt, isNotNull, isNull, max } from 'drizzle-orm';
import type { DB } from '../db';
import {
	auditEvents,
	evaluationResponses,
	evaluations,
	notifications,
	organisations,
	themes,
	users,
	visitOrganisations,
	visits
} from '../db/schema';
import { actorOf } from '../accounts/users';
import { can, type VisitTarget } from '../policy';
import { createVisit, checkParties, visitTarget, type Ctx } from '../visits/workflow';
import { answerVisit } from '../visits/answers';
import { moveVisit } from '../visits/transitions';
import { getVisit } from '../visits/read';
import { addSession, isRefusal } from '../agenda/edits';
import { addDelegate } from '../delegations/delegates';
import { openEvaluation } from '../evaluations/links';
import { saveSheet } from '../evaluations/sheet';
import { templateQuestions } from '../evaluations/template';
import { todayIn, type Transition } from '$lib/visit-lifecycle';
import { visitDetailsSchema } from '$lib/schemas/visit';
import { sessionSchema } from '$lib/schemas/agenda';
import { delegateSchema } from '$lib/schemas/delegate';
import { LIVING_VISITS, type LivingVisit } from './living-data';

const STAFF = 'staff@partage.example.org';
const shift = (day: string, days: number) => format(addDays(parseISO(day), days), 'yyyy-MM-dd');
/** Noon of a day in UTC: a moment that falls on that day all over the network. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

function refuse(what: string, visit: LivingVisit): never {
	throw new Error(`Demo: "${visit.title}" — ${what} was refused`);
}

/** Writes the living visits; `now` is the demo's creation, `origin` that of the links it mails. */
export function seedLivingVisits(db: DB, now: Date, origin: string) {
	const org = new Map(
		db
			.select({ id: organisations.id, key: organisations.shortName })
			.from(organisations)
			.all()
			.map((o) => [o.key, o.id])
	);
	const theme = new Map(
		db
			.select({ id: themes.id, slug: themes.slug })
			.from(themes)
			.all()
			.map((t) => [t.slug, t.id])
	);
	const person = (email: string) => {
		const user = db.select().from(users).where(eq(users.email, email)).get();
		if (!user) throw new Error(`Demo: no account ${email}`);
		return { ...user, actor: actorOf(db, user) };
	};
	const staff = person(STAFF);
	/** A coordinator of the organisation among the demo accounts, else staff acting for it. */
	const speaker = (organisationId: number) =>
		db
			.select()
			.from(users)
			.all()
			.map((u) => person(u.email))
			.find((p) =>
				p.actor.memberships.some(
					(m) => m.organisationId === organisationId && m.role === 'coordinator'
				)
			) ?? staff;
	const before =
		db
			.select({ id: max(notifications.id) })
			.from(notifications)
			.get()?.id ?? 0;

	for (const v of LIVING_VISITS) {
		const today = todayIn(v.timeZone, now);
		const first = shift(today, v.from);
		const day = (n: number) => shift(first, n);
		const proposer = person(v.by);
		const ctxOf = (p: { id: number }): Ctx => ({ actorId: p.id, origin });
		const hostId = org.get(v.host)!;
		const visitorIds = v.visitors.map((k) => org.get(k)!);
		const own = proposer.actor.memberships.find((m) => m.role === 'coordinator');
		// Staff propose on a host's behalf, as the staff form does.
		const proposerId = proposer.globalRole === 'staff' ? hostId : own!.organisationId;
		const parties = { kind: v.kind, proposerId, hostId, visitorIds };
		const details = visitDetailsSchema.parse({
			title: v.title,
			objectives: v.objectives,
			startsOn: first,
			endsOn: day(v.to - v.from),
			timeZone: v.timeZone,
			place: v.place,
			languages: v.languages,
			themeIds: v.themes.map((slug) => theme.get(slug)),
			expectedSize: v.expectedSize
		});
		if (!can(proposer.actor, 'visit.create', { organisationId: proposerId })) {
			refuse('proposing', v);
		}
		if (Object.keys(checkParties(db, parties, details)).length) refuse('the parties', v);
		// History is recorded on purpose: a visit already under way or over is confirmed as such.
		const created = createVisit(db, ctxOf(proposer), parties, details, true, {
			confirmed: true,
			now
		});
		if (!created.ok) refuse('proposing', v);
		const id = created.id;
		const target = (): VisitTarget & { id: number; title: string } => {
			const read = getVisit(db, id)!;
			return { ...visitTarget(read), id, title: read.title };
		};

		for (const organisationId of [hostId, ...visitorIds]) {
			if (organisationId === proposerId) continue;
			const who = speaker(organisationId);
			const visit = target();
			if (!can(who.actor, 'visit.answer', { visit, organisationId })) refuse('an answer', v);
			answerVisit(db, ctxOf(who), visit, organisationId, 'accepted', '');
		}

		const runner = speaker(hostId);
		for (const [n, startsAt, endsAt, kind, title, place, lead] of v.sessions) {
			if (!can(runner.actor, 'agenda.edit', target())) refuse('the programme', v);
			const input = sessionSchema.parse({
				day: day(n),
				startsAt,
				endsAt,
				kind,
				title,
				place: place ?? '',
				leadOrganisationId: lead ? org.get(lead) : '',
				leadName: '',
				notes: ''
			});
			if (isRefusal(addSession(db, runner.actor!.id, id, input))) refuse(`"${title}"`, v);
		}

		for (const d of v.delegates) {
			const organisationId = org.get(d.organisation)!;
			const who = speaker(organisationId);
			const visit = target();
			if (!can(who.actor, 'delegate.manage', { visit, organisationId })) refuse(d.name, v);
			const moment = (at?: [number, string]) => (at ? `${day(at[0])}T${at[1]}` : '');
			const input = delegateSchema.parse({
				name: d.name,
				function: d.function,
				email: d.email ?? '',
				userId: d.account ? String(person(d.account).id) : '',
				arrivesAt: moment(d.arrives),
				departsAt: moment(d.departs),
				travel: d.travel,
				visa: d.visa,
				accommodation: d.accommodation,
				needs: ''
			});
			if (!addDelegate(db, who.id, id, organisationId, input).ok) refuse(d.name, v);
		}

		const move = (transition: Transition, who: ReturnType<typeof person>) => {
			const visit = target();
			if (!can(who.actor, 'visit.transition', { visit, transition, now })) refuse(transition, v);
			if (!moveVisit(db, ctxOf(who), visit, transition)) refuse(transition, v);
		};
		if (v.stage !== 'accepted') move('confirm', runner);
		if (v.stage === 'completed') move('complete', staff);
		dateHistory(db, id, noon(shift(today, -v.proposedDaysAgo)), day(v.to - v.from));

		if (v.evaluation) {
			const last = day(v.to - v.from);
			const visit = target();
			if (!can(staff.actor, 'evaluation.open', visit)) refuse('the evaluation', v);
			const opened = openEvaluation(
				db,
				{ ...ctxOf(staff), now: noon(shift(last, v.evaluation.openedAfter)) },
				{ id, title: visit.title, languages: v.languages },
				{ anonymous: false }
			);
			if (!opened.ok) refuse('the evaluation', v);
			answerSheets(db, id, v);
		}
	}

	// What the demo's setting-up told people is old news by the first sign-in: the bell stays
	// quiet, the mails stay in the outbox (with the evaluation links) for staff to read.
	db.update(notifications)
		.set({ readAt: now })
		.where(and(gt(notifications.id, before), isNull(notifications.readAt)))
		.run();
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The domain modules date each step now; the visit's history is dated as it would have happened:
 * proposed `proposedAt`, answered two days later, prepared within the week, confirmed a week
 * after the proposal, completed on the evening of its last day. Only timestamps change.
 */
function dateHistory(db: DB, visitId: number, proposedAt: Date, lastDay: string) {
	const step: Record<string, Date> = {
		created: proposedAt,
		proposed: proposedAt,
		answered: new Date(proposedAt.getTime() + 2 * DAY),
		accepted: new Date(proposedAt.getTime() + 2 * DAY),
		confirmed: new Date(proposedAt.getTime() + 7 * DAY),
		completed: new Date(noon(lastDay).getTime() + 6 * HOUR)
	};
	const prepared = new Date(proposedAt.getTime() + 5 * DAY);
	let latest = proposedAt;
	for (const event of db.select().from(auditEvents).all()) {
		const changes = event.changes ?? {};
		const ofVisit =
			(event.entity === 'visit' && event.entityId === String(visitId)) ||
			(event.entity !== 'visit' && changes.visitId === visitId);
		if (!ofVisit || event.action === 'evaluation_opened') continue;
		const at = event.entity === 'visit' ? step[event.action] : prepared;
		if (!at) continue;
		db.update(auditEvents).set({ at }).where(eq(auditEvents.id, event.id)).run();
		if (at > latest) latest = at;
	}
	db.update(visits)
		.set({ createdAt: proposedAt, updatedAt: latest })
		.where(eq(visits.id, visitId))
		.run();
	db.update(visitOrganisations)
		.set({ respondedAt: step.answered })
		.where(and(eq(visitOrganisations.visitId, visitId), isNotNull(visitOrganisations.respondedAt)))
		.run();
}

/** The sheets answered so far, saved through the sheet's own form handling. */
function answerSheets(db: DB, visitId: number, v: LivingVisit) {
	const evaluation = db.select().from(evaluations).where(eq(evaluations.visitId, visitId)).get()!;
	const questions = templateQuestions(db, evaluation.templateId);
	for (const sheet of v.evaluation!.sheets) {
		const response = db
			.select()
			.from(evaluationResponses)
			.where(
				and(
					eq(evaluationResponses.evaluationId, evaluation.id),
					eq(evaluationResponses.respondentName, sheet.delegate)
				)
			)
			.get();
		if (!response) refuse(`${sheet.delegate}'s sheet`, v);
		const form = new FormData();
		for (const [code, answer] of Object.entries(sheet.answers)) {
			const question = questions.find((q) => q.code === code);
			if (!question) refuse(`the question ${code}`, v);
			form.set(`q${question.id}`, answer);
		}
		const at = new Date(evaluation.openedAt.getTime() + sheet.savedAfter * 86_400_000);
		const saved = saveSheet(
			db,
			{ response, templateId: evaluation.templateId },
			form,
			sheet.submitted,
			at
		);
		if (!saved.ok) refuse(`${sheet.delegate}'s sheet`, v);
	}
}
