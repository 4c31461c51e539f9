// The staff dashboard: whether follow-up happens across the whole network. Staff see every action
// and lesson, so nothing here filters by visibility; the route asks 'dashboard.view' first.
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DB } from './db';
import { actions, lessons, organisations, visitOrganisations, visits } from './db/schema';
import { PENDING } from './actions';
import { qualified as q } from './db/schema/columns';
import { ACTION_STATUSES, type ActionStatus } from '$lib/enums';

const TAKEN_PLACE = ['accepted', 'confirmed', 'completed', 'closed'] as const;

/** done / (all but dropped): a dropped action was a decision, not a failure to follow up. */
export function completionRate(done: number, total: number, dropped: number): number | null {
	const counted = total - dropped;
	return counted > 0 ? Math.round((100 * done) / counted) : null;
}

const tally = {
	total: count(),
	done: sql<number>`sum(${actions.status} = 'done')`,
	dropped: sql<number>`sum(${actions.status} = 'dropped')`
};

export function dashboard(db: DB, today: string) {
	const byStatusRows = db
		.select({ status: actions.status, n: count() })
		.from(actions)
		.groupBy(actions.status)
		.all();
	const byStatus = ACTION_STATUSES.map((status: ActionStatus) => ({
		status,
		n: byStatusRows.find((r) => r.status === status)?.n ?? 0
	}));
	const overdueCount = sql<number>`sum(${actions.status} IN ('open', 'in_progress') AND ${actions.dueOn} < ${today})`;
	const byOrganisation = db
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
		.where(and(inArray(actions.status, PENDING), lt(actions.dueOn, today)))
		.orderBy(asc(actions.dueOn), asc(actions.id))
		.limit(50)
		.all();
	const perVisit = db
		.select({ id: visits.id, title: visits.title, startsOn: visits.startsOn, ...tally })
		.from(actions)
		.innerJoin(visits, eq(actions.visitId, visits.id))
		.groupBy(visits.id)
		.orderBy(desc(visits.startsOn))
		.all()
		.map((v) => ({ ...v, rate: completionRate(v.done, v.total, v.dropped) }));
	const year = sql<string>`substr(${visits.startsOn}, 1, 4)`;
	const perYear = db
		.select({ year, ...tally })
		.from(actions)
		.innerJoin(visits, eq(actions.visitId, visits.id))
		.groupBy(year)
		.orderBy(desc(year))
		.all()
		.map((y) => ({ ...y, rate: completionRate(y.done, y.total, y.dropped) }));
	const lessonCount = sql<number>`(SELECT count(*) FROM ${lessons} WHERE ${q(lessons.visitId)} = ${q(visits.id)})`;
	const actionCount = sql<number>`(SELECT count(*) FROM ${actions} WHERE ${q(actions.visitId)} = ${q(visits.id)})`;
	const withoutFollowUp = db
		.select({
			id: visits.id,
			title: visits.title,
			endsOn: visits.endsOn,
			lessons: lessonCount,
			actions: actionCount
		})
		.from(visits)
		.where(
			and(
				inArray(visits.status, ['completed', 'closed']),
				sql`(${lessonCount} = 0 OR ${actionCount} = 0)`
			)
		)
		.orderBy(desc(visits.endsOn))
		.all();
	return {
		byStatus,
		byOrganisation,
		overdue,
		perVisit,
		perYear,
		withoutFollowUp,
		graph: networkGraph(db)
	};
}

export type GraphNode = { id: number; name: string; x: number; y: number; visits: number };
export type GraphEdge = { from: number; to: number; visits: number };

export const GRAPH_SIZE = 560;

/**
 * Who visited whom: an arrow from each visiting organisation to the host, as thick as the visits
 * between them. Nodes sit on a circle (stable, readable without any layout library).
 */
export function networkGraph(db: DB): { nodes: GraphNode[]; edges: GraphEdge[] } {
	const rows = db
		.select({ from: visitOrganisations.organisationId, to: visits.hostOrganisationId, n: count() })
		.from(visitOrganisations)
		.innerJoin(visits, eq(visitOrganisations.visitId, visits.id))
		.where(
			and(
				eq(visitOrganisations.role, 'visitor'),
				eq(visitOrganisations.response, 'accepted'),
				inArray(visits.status, [...TAKEN_PLACE])
			)
		)
		.groupBy(visitOrganisations.organisationId, visits.hostOrganisationId)
		.all();
	const ids = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
	if (!ids.length) return { nodes: [], edges: [] };
	const orgs = db
		.select({ id: organisations.id, name: organisations.shortName })
		.from(organisations)
		.where(inArray(organisations.id, ids))
		.orderBy(asc(organisations.shortName))
		.all();
	const centre = GRAPH_SIZE / 2;
	const radius = centre - 90;
	const nodes = orgs.map((o, i) => {
		const angle = (2 * Math.PI * i) / orgs.length - Math.PI / 2;
		return {
			...o,
			x: Math.round(centre + radius * Math.cos(angle)),
			y: Math.round(centre + radius * Math.sin(angle)),
			visits: rows.filter((r) => r.from === o.id || r.to === o.id).reduce((s, r) => s + r.n, 0)
		};
	});
	return { nodes, edges: rows.map((r) => ({ from: r.from, to: r.to, visits: r.n })) };
}
