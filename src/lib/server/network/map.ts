// The network on a world map (/network): organisations by city, and the visits between them as
// arcs from the visiting organisation to the host, as thick as the visits of that pair. Drawn on
// the server as SVG: no tiles, no third party, no script. The same data goes in tables for
// screen readers and print.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../db';
import { organisations, themes, visitOrganisations, visitThemes, visits } from '../db/schema';
import { cachedPerVersionAsync } from '../db/version';
import { readAside } from '../db/reader';
import { MAP_HEIGHT, MAP_WIDTH, isSmallCountry, mapOutline, project } from './outline';
import { placeAll } from './places';
import { AGREED } from '$lib/visit-lifecycle';

/** Visits that took place or will: agreed on, whatever came after. */
const TAKEN_PLACE = AGREED;

/** Arcs drawn at most: the busiest pairs; the others are counted. */
export const MAP_ARCS = 150;
/** Beyond this many places, names would cover the map: dots only, names in the table. */
const LABELLED_PLACES = 40;

export type MapFilter = { year: number | null; themeId: number | null };
export type MapOrganisation = { id: number; name: string; shortName: string };
export type MapPlace = {
	key: string;
	x: number;
	y: number;
	city: string;
	country: string;
	exact: boolean;
	organisations: MapOrganisation[];
};
export type MapArc = { from: number; to: number; visits: number; d: string };

function visitFilter(filter: MapFilter): SQL | undefined {
	return and(
		inArray(visits.status, TAKEN_PLACE),
		filter.year === null
			? undefined
			: sql`substr(${visits.startsOn}, 1, 4) = ${String(filter.year).padStart(4, '0')}`,
		filter.themeId === null
			? undefined
			: sql`exists (select 1 from ${visitThemes} where ${visitThemes.visitId} = ${visits.id} and ${visitThemes.themeId} = ${filter.themeId})`
	);
}

/** A gentle curve from a to b, bending to the left of the way, so a → b and b → a stay apart. */
function arcPath(a: [number, number], b: [number, number]) {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const cx = (a[0] + b[0]) / 2 + dy * 0.2;
	const cy = (a[1] + b[1]) / 2 - dx * 0.2;
	const r = (n: number) => Math.round(n * 10) / 10;
	return `M${r(a[0])} ${r(a[1])}Q${r(cx)} ${r(cy)} ${r(b[0])} ${r(b[1])}`;
}

async function compute(db: DB, filter: MapFilter) {
	const orgs = db
		.select({
			id: organisations.id,
			name: organisations.name,
			shortName: organisations.shortName,
			country: organisations.country,
			city: organisations.city
		})
		.from(organisations)
		.where(isNull(organisations.archivedAt))
		.orderBy(asc(organisations.shortName))
		.all();
	const where = placeAll(orgs);
	const places = new Map<string, MapPlace>();
	const placeOfOrg = new Map<number, MapPlace>();
	const unplaced: MapOrganisation[] = [];
	for (const o of orgs) {
		const at = where(o.country, o.city);
		const org = { id: o.id, name: o.name, shortName: o.shortName };
		if (!at) {
			unplaced.push(org);
			continue;
		}
		const key = `${o.country}|${at.point.join(',')}`;
		let place = places.get(key);
		if (!place) {
			const [x, y] = project(at.point);
			place = { key, x, y, city: o.city, country: o.country, exact: at.exact, organisations: [] };
			places.set(key, place);
		}
		place.organisations.push(org);
		placeOfOrg.set(o.id, place);
	}
	// Every visit that took place, grouped by pair: on the reader thread (db/reader.ts).
	const query = db
		.select({ from: visitOrganisations.organisationId, to: visits.hostOrganisationId, n: count() })
		.from(visitOrganisations)
		.innerJoin(visits, eq(visitOrganisations.visitId, visits.id))
		.where(
			and(
				eq(visitOrganisations.role, 'visitor'),
				eq(visitOrganisations.response, 'accepted'),
				visitFilter(filter)
			)
		)
		.groupBy(visitOrganisations.organisationId, visits.hostOrganisationId)
		.orderBy(desc(count()), asc(visitOrganisations.organisationId), asc(visits.hostOrganisationId));
	const pairs = (await readAside(db, query, ['from', 'to', 'n'] as const)) as {
		from: number;
		to: number;
		n: number;
	}[];
	const kept = pairs.slice(0, MAP_ARCS);
	const arcs: MapArc[] = kept.flatMap((p) => {
		const [a, b] = [placeOfOrg.get(p.from), placeOfOrg.get(p.to)];
		// Two organisations of one city: the table says it, a line of no length cannot.
		if (!a || !b || a === b) return [];
		return [{ from: p.from, to: p.to, visits: p.n, d: arcPath([a.x, a.y], [b.x, b.y]) }];
	});
	const names = new Map(orgs.map((o) => [o.id, o]));
	const small = [...new Set(orgs.map((o) => o.country))].filter(isSmallCountry);
	return {
		width: MAP_WIDTH,
		height: MAP_HEIGHT,
		outline: mapOutline(small),
		places: [...places.values()],
		labelled: places.size <= LABELLED_PLACES,
		arcs,
		pairs: kept.map((p) => ({
			from: names.get(p.from)?.shortName ?? '',
			to: names.get(p.to)?.shortName ?? '',
			fromId: p.from,
			toId: p.to,
			visits: p.n
		})),
		morePairs: pairs.length - kept.length,
		unplaced
	};
}

const cached = cachedPerVersionAsync((db: DB, arg: string) => compute(db, JSON.parse(arg)), {
	keep: 8
});

export function networkMap(db: DB, filter: MapFilter) {
	return cached(db, JSON.stringify(filter));
}

export type NetworkMap = Awaited<ReturnType<typeof networkMap>>;

/**
 * The years that have visits, and the themes, for the filters: the years are read from every
 * visit on the reader thread and kept until the data changes.
 */
export const mapFacets = (db: DB) => cachedFacets(db, '');
const cachedFacets = cachedPerVersionAsync((db: DB) => readFacets(db));

async function readFacets(db: DB) {
	const year = sql<string>`substr(${visits.startsOn}, 1, 4)`;
	const query = db
		.selectDistinct({ year })
		.from(visits)
		.where(inArray(visits.status, TAKEN_PLACE))
		.orderBy(desc(year));
	const years = (await readAside(db, query, ['year'])).map((r) => Number(r.year));
	const themeList = db.select().from(themes).orderBy(asc(themes.slug)).all();
	return { years, themes: themeList };
}
