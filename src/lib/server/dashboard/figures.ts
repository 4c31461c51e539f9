// The staff dashboard: whether follow-up happens across the whole network. Staff see every action
// and lesson, so nothing here filters by visibility; the route asks 'dashboard.view' first.
// At network scale (400 000 actions) the aggregates take a fraction of a second: they are computed
// once per data version (see db/version.ts) and the long lists are cut to their first rows, with
// the number left out, so the page stays a few kilobytes whatever the size of the network.
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { actions, lessons, organisations, visits } from '../db/schema';
import { PENDING_SQL } from '../actions/tracking';
import { qualified as q } from '../db/schema/columns';
import { cachedPerVersion, cachedPerVersionAsync } from '../db/version';
import { readAside } from '../db/reader';
import { ACTION_STATUSES, type ActionStatus } from '$lib/enums';
import { TOOK_PLACE } from '$lib/visit-lifecycle';

/** Rows shown in each long list (organisations, visits); the rest are counted. */
export const DASHBOARD_LIST = 20;

/** done / (all but dropped): a dropped action was a decision, not a failure to follow up. */
export function completionRate(done: number, total: number, dropped: number): number | null {
	const counted = total - dropped;
	return counted > 0 ? Math.round((100 * done) / counted) : null;
}

const tally = {
	total: count(),
	done: sql<number>`coalesce(sum(${actions.status} = 'done'), 0)`,
	dropped: sql<number>`coalesce(sum(${actions.status} = 'dropped'), 0)`
};

/** Every organisation's actions by status (today's overdue counts are added separately). */
async function byOrganisation(db: DB) {
	const query = db
		.select({
			id: organisations.id,
			name: organisations.name,
			...tally,
			open: sql<number>`sum(${actions.status} = 'open')`,
			inProgress: sql<number>`sum(${actions.status} = 'in_progress')`
		})
		.from(actions)
		.innerJoin(organisations, eq(actions.ownerOrganisationId, organisations.id))
		.groupBy(organisations.id);
	const fields = ['id', 'name', 'total', 'done', 'dropped', 'open', 'inProgress'] as const;
	return (await readAside(db, query, fields)) as {
		id: number;
		name: string;
		total: number;
		done: number;
		dropped: number;
		open: number;
		inProgress: number;
	}[];
}

/** The most recent visits that have actions, with their completion. */
function perVisit(db: DB) {
	const hasActions = sql`EXISTS (SELECT 1 FROM ${actions} WHERE ${q(actions.visitId)} = ${q(visits.id)})`;
	const recent = db
		.select({ id: visits.id, title: visits.title, startsOn: visits.startsOn })
		.from(visits)
		.where(hasActions)
		.orderBy(desc(visits.startsOn), desc(visits.id))
		.limit(DASHBOARD_LIST)
		.all();
	const ids = recent.map((v) => v.id);
	const tallies = ids.length
		? db
				.select({ visitId: actions.visitId, ...tally })
				.from(actions)
				.where(inArray(actions.visitId, ids))
				.groupBy(actions.visitId)
				.all()
		: [];
	const all =
		db
			.select({ n: sql<number>`count(DISTINCT ${actions.visitId})` })
			.from(actions)
			.get()?.n ?? 0;
	const rows = recent.map((v) => {
		const t = tallies.find((r) => r.visitId === v.id) ?? { total: 0, done: 0, dropped: 0 };
		return { ...v, ...t, rate: completionRate(t.done, t.total, t.dropped) };
	});
	return { rows, more: Math.max(0, all - rows.length) };
}

/** Ended visits with no lesson or no action, latest first. */
async function withoutFollowUp(db: DB) {
	const lessonCount = sql<number>`(SELECT count(*) FROM ${lessons} WHERE ${q(lessons.visitId)} = ${q(visits.id)})`;
	const actionCount = sql<number>`(SELECT count(*) FROM ${actions} WHERE ${q(actions.visitId)} = ${q(visits.id)})`;
	const lacking = sql`(NOT EXISTS (SELECT 1 FROM ${lessons} WHERE ${q(lessons.visitId)} = ${q(visits.id)}) OR NOT EXISTS (SELECT 1 FROM ${actions} WHERE ${q(actions.visitId)} = ${q(visits.id)}))`;
	// One status at a time, each read in order from (status, ends_on) and stopped after a list;
	// `status IN (…) ORDER BY ends_on` would sort every ended visit first.
	const rows = TOOK_PLACE.flatMap((status) =>
		db
			.select({
				id: visits.id,
				title: visits.title,
				endsOn: visits.endsOn,
				lessons: lessonCount,
				actions: actionCount
			})
			.from(visits)
			.where(and(eq(visits.status, status), lacking))
			.orderBy(desc(visits.endsOn), desc(visits.id))
			.limit(DASHBOARD_LIST)
			.all()
	)
		.sort((a, b) => b.endsOn.localeCompare(a.endsOn) || b.id - a.id)
		.slice(0, DASHBOARD_LIST);
	const counted = db
		.select({ n: count() })
		.from(visits)
		.where(and(inArray(visits.status, TOOK_PLACE), lacking));
	const all = Number((await readAside(db, counted, ['n']))[0]?.n ?? 0);
	return { rows, more: Math.max(0, all - rows.length) };
}

/**
 * Completion per year of the visit: actions are tallied per visit first (from the index on
 * visit and status alone), then the 50 000 visit totals are summed by year.
 */
async function perYearRates(db: DB) {
	const query = sql`
		SELECT substr(${q(visits.startsOn)}, 1, 4) AS year, sum(t.total) AS total,
			sum(t.done) AS done, sum(t.dropped) AS dropped
		FROM (SELECT ${q(actions.visitId)} AS visit_id, count(*) AS total,
				sum(${q(actions.status)} = 'done') AS done, sum(${q(actions.status)} = 'dropped') AS dropped
			FROM ${actions} GROUP BY ${q(actions.visitId)}) AS t
		JOIN ${visits} ON ${q(visits.id)} = t.visit_id
		GROUP BY year ORDER BY year DESC`;
	const rows = (await readAside(db, query, ['year', 'total', 'done', 'dropped'] as const)) as {
		year: string;
		total: number;
		done: number;
		dropped: number;
	}[];
	return rows.map((y) => ({ ...y, rate: completionRate(y.done, y.total, y.dropped) }));
}

/**
 * What does not depend on the day: kept until the data changes. The three aggregates over every
 * action and ended visit run side by side on the reader thread (db/reader.ts).
 */
async function summary(db: DB) {
	const [organisationRows, perYear, without] = await Promise.all([
		byOrganisation(db),
		perYearRates(db),
		withoutFollowUp(db)
	]);
	const byStatus = ACTION_STATUSES.map((status: ActionStatus) => ({
		status,
		n: organisationRows.reduce(
			(s, o) =>
				s +
				(status === 'open'
					? o.open
					: status === 'in_progress'
						? o.inProgress
						: status === 'done'
							? o.done
							: o.dropped),
			0
		)
	}));
	const visitsWithActions = perVisit(db);
	return {
		byStatus,
		organisationRows,
		perVisit: visitsWithActions.rows,
		morePerVisit: visitsWithActions.more,
		perYear,
		withoutFollowUp: without.rows,
		moreWithoutFollowUp: without.more
	};
}

/** Actions overdue on `today`: per organisation (from the pending index alone) and the first 50. */
function overdueOn(db: DB, today: string) {
	const perOrganisation = new Map(
		db
			.select({ id: actions.ownerOrganisationId, n: count() })
			.from(actions)
			.where(and(PENDING_SQL, lt(actions.dueOn, today)))
			.groupBy(actions.ownerOrganisationId)
			.all()
			.map((r) => [r.id, r.n])
	);
	const first = db
		.select({
			id: actions.id,
			title: actions.title,
			dueOn: actions.dueOn,
			status: actions.status,
			organisation: organisations.name,
			visitId: actions.visitId,
			visitTitle: visits.title
		})
		.from(actions)
		.innerJoin(organisations, eq(actions.ownerOrganisationId, organisations.id))
		.innerJoin(visits, eq(actions.visitId, visits.id))
		.where(and(PENDING_SQL, lt(actions.dueOn, today)))
		.orderBy(asc(actions.dueOn), asc(actions.id))
		.limit(50)
		.all();
	return { perOrganisation, first };
}

const cachedSummary = cachedPerVersionAsync((db: DB) => summary(db), { keep: 1 });
const cachedOverdue = cachedPerVersion(overdueOn);

async function compute(db: DB, today: string) {
	const { organisationRows, ...rest } = await cachedSummary(db, '');
	const overdue = cachedOverdue(db, today);
	const ranked = organisationRows
		.map((o) => ({ ...o, overdue: overdue.perOrganisation.get(o.id) ?? 0 }))
		.sort((a, b) => b.overdue - a.overdue || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return {
		...rest,
		byOrganisation: ranked.slice(0, DASHBOARD_LIST),
		moreOrganisations: Math.max(0, ranked.length - DASHBOARD_LIST),
		overdue: overdue.first,
		overdueTotal: ranked.reduce((s, o) => s + o.overdue, 0)
	};
}

/**
 * The dashboard's figures. The day-independent summary is computed once per data version, today's
 * overdue figures once per version and day, and the ranking of 2 000 organisations once per
 * version and day too.
 */
export const dashboard: (db: DB, today: string) => ReturnType<typeof compute> =
	cachedPerVersionAsync(compute);

/** Computes the figures before anyone asks (at start-up), so the first visit is not the slow one. */
export async function warmDashboard(db: DB, today: string) {
	await dashboard(db, today);
}
