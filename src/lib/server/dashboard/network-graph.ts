// Who visited whom, for the staff dashboard: an arrow from each visiting organisation to the host,
// as thick as the visits between them. Nodes sit on a circle (stable, readable without any layout
// library). A large network has thousands of pairs, which no drawing can show: only the busiest
// pairs are drawn and the others are counted.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DB } from '../db';
import { organisations, visitOrganisations, visits } from '../db/schema';

const TAKEN_PLACE = ['accepted', 'confirmed', 'completed', 'closed'] as const;

export type GraphNode = { id: number; name: string; x: number; y: number; visits: number };
export type GraphEdge = { from: number; to: number; visits: number };

export const GRAPH_SIZE = 560;
/** Pairs drawn at most; beyond a few dozen arrows the circle is unreadable. */
export const GRAPH_EDGES = 40;

export function networkGraph(
	db: DB,
	maxEdges = GRAPH_EDGES
): { nodes: GraphNode[]; edges: GraphEdge[]; moreEdges: number } {
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
	// The busiest pairs first; ties in a stable order so the drawing does not change between loads.
	const kept = [...rows]
		.sort((a, b) => b.n - a.n || a.from - b.from || a.to - b.to)
		.slice(0, maxEdges);
	const ids = [...new Set(kept.flatMap((r) => [r.from, r.to]))];
	if (!ids.length) return { nodes: [], edges: [], moreEdges: 0 };
	const total = new Map<number, number>();
	for (const r of rows) {
		total.set(r.from, (total.get(r.from) ?? 0) + r.n);
		if (r.to !== r.from) total.set(r.to, (total.get(r.to) ?? 0) + r.n);
	}
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
			visits: total.get(o.id) ?? 0
		};
	});
	const edges = kept
		.sort((a, b) => a.from - b.from || a.to - b.to)
		.map((r) => ({ from: r.from, to: r.to, visits: r.n }));
	return { nodes, edges, moreEdges: rows.length - kept.length };
}
