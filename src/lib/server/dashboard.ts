// The staff dashboard: whether follow-up happens across the whole network. Staff see every action
// and lesson, so nothing here filters by visibility; the route asks 'dashboard.view' first.
// At network scale (400 000 actions) the aggregates take a fraction of a second: they are computed
// once per data version (see db/version.ts) and the long lists are cut to their first rows, with
// the number left out, so the page stays a few kilobytes whatever the size of the network.
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DB } from './db';
import { actions, lessons, organisations, visits } from './db/schema';
import { PENDING_SQL } from './actions';
import { qualified as q } from './db/schema/columns';
import { cachedPerVersion } from './db/version';
import { networkGraph } from './network-graph';
import { ACTION_STATUSES, type ActionStatus } from '$lib/enums';

export { GRAPH_SIZE, networkGraph, type GraphEdge, type GraphNode } from './network-graph';

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

function byOrganisation(db: DB, today: string) {
	const overdueCount = sql<number>`sum(${actions.status} IN ('open', 'in_progress') AND ${actions.dueOn} < ${today})`;
	const rows = db
		.select({
			id: organisations.id,
			name: organisations.name,
			...tally,
			open: sql<number>`sum(${actions.status} = 'open')`,
			inProgress: sql<number>`sum(${actions.status} = 'in_progress')`,
			overdue: overdueCount
		})
		.from(actions)
		.innerJoin(organisations, eq(actions.ownerOrganisationId, organisations.id))
		.groupBy(organisations.id)
		.orderBy(desc(overdueCount), asc(organisations.name))
		.all();
	return rows;
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

function withoutFollowUp(db: DB) {
	const lessonCount = sql<number>`(SELECT count(*) FROM ${lessons} WHERE ${q(lessons.visitId)} = ${q(visits.id)})`;
	const actionCount = sql<number>`(SELECT count(*) FROM ${actions} WHERE ${q(actions.visitId)} = ${q(visits.id)})`;
	const lacking = and(
		inArray(visits.status, ['completed', 'closed']),
		sql`(NOT EXISTS (SELECT 1 FROM ${lessons} WHERE ${q(lessons.visitId)} = ${q(visits.id)}) OR NOT EXISTS (SELECT 1 FROM ${actions} WHERE ${q(actions.visitId)} = ${q(visits.id)}))`
	);
	const rows = db
		.select({
			id: visits.id,
			title: visits.title,
			endsOn: visits.endsOn,
			lessons: lessonCount,
			actions: actionCount
		})
		.from(visits)
		.where(lacking)
		.orderBy(desc(visits.endsOn), desc(visits.id))
		.limit(DASHBOARD_LIST)
		.all();
	const all = db.select({ n: count() }).from(visits).where(lacking).get()?.n ?? 0;
	return { rows, more: Math.max(0, all - rows.length) };
}

/**
 * Completion per year of the visit: actions are tallied per visit first (from the index on
 * visit and status alone), then the 50 000 visit totals are summed by year.
 */
function perYearRates(db: DB) {
	const rows = db.all<{ year: string; total: number; done: number; dropped: number }>(sql`
		SELECT substr(${q(visits.startsOn)}, 1, 4) AS year, sum(t.total) AS total,
			sum(t.done) AS done, sum(t.dropped) AS dropped
		FROM (SELECT ${q(actions.visitId)} AS visit_id, count(*) AS total,
				sum(${q(actions.status)} = 'done') AS done, sum(${q(actions.status)} = 'dropped') AS dropped
			FROM ${actions} GROUP BY ${q(actions.visitId)}) AS t
		JOIN ${visits} ON ${q(visits.id)} = t.visit_id
		GROUP BY year ORDER BY year DESC`);
	return rows.map((y) => ({ ...y, rate: completionRate(y.done, y.total, y.dropped) }));
}

function compute(db: DB, today: string) {
	const byStatusRows = db
		.select({ status: actions.status, n: count() })
		.from(actions)
		.groupBy(actions.status)
		.all();
	const byStatus = ACTION_STATUSES.map((status: ActionStatus) => ({
		status,
		n: byStatusRows.find((r) => r.status === status)?.n ?? 0
	}));
	const organisationRows = byOrganisation(db, today);
	const overdue = db
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
	const visitsWithActions = perVisit(db);
	const perYear = perYearRates(db);
	const without = withoutFollowUp(db);
	return {
		byStatus,
		byOrganisation: organisationRows.slice(0, DASHBOARD_LIST),
		moreOrganisations: Math.max(0, organisationRows.length - DASHBOARD_LIST),
		overdue,
		overdueTotal: organisationRows.reduce((s, o) => s + o.overdue, 0),
		perVisit: visitsWithActions.rows,
		morePerVisit: visitsWithActions.more,
		perYear,
		withoutFollowUp: without.rows,
		moreWithoutFollowUp: without.more,
		graph: networkGraph(db)
	};
}

/** The dashboard's figures, computed again only after the data changed (or the day did). */
export const dashboard: (db: DB, today: string) => ReturnType<typeof compute> =
	cachedPerVersion(compute);
