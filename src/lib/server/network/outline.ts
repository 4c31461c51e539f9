// The world outline the network map is drawn on: Natural Earth's public-domain countries
// (world-atlas), projected once. The 1:110m outline keeps the page light; it leaves out small
// countries (the Comoros among them), which come from the 1:50m outline when an organisation
// is there.
import { createRequire } from 'node:module';
import {
	geoArea,
	geoBounds,
	geoCentroid,
	geoContains,
	geoNaturalEarth1,
	geoPath,
	type GeoProjection
} from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);

export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 500;
/** Antarctica takes a sixth of the drawing and has no partner. */
const ANTARCTICA = '010';

export type Country = Feature<Polygon | MultiPolygon, { name: string }> & { id?: string };
export type LonLat = [number, number];

type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function load(file: string): Country[] {
	const topology = require(`world-atlas/${file}`) as World;
	const all = feature(topology, topology.objects.countries) as FeatureCollection<
		Geometry,
		{ name: string }
	>;
	return (all.features as Country[]).filter((f) => f.id !== ANTARCTICA);
}

let coarse: Country[] | undefined;
let fine: Map<string, Country> | undefined;
let projection: GeoProjection | undefined;

function world() {
	if (!coarse) {
		coarse = load('countries-110m.json');
		projection = geoNaturalEarth1().fitExtent(
			[
				[4, 4],
				[MAP_WIDTH - 4, MAP_HEIGHT - 4]
			],
			{ type: 'FeatureCollection', features: coarse }
		);
	}
	return { coarse, projection: projection! };
}

/** The outline of a country by its ISO 3166-1 alpha-2 code, or undefined when unknown. */
export function countryOutline(alpha2: string): Country | undefined {
	const id = countries.alpha2ToNumeric(alpha2);
	if (!id) return undefined;
	const found = world().coarse.find((f) => f.id === id);
	if (found) return found;
	fine ??= new Map(load('countries-50m.json').map((f) => [String(f.id), f]));
	return fine.get(id);
}

/** Whether the coarse outline lacks this country (it is then drawn from the finer one). */
export function isSmallCountry(alpha2: string) {
	const id = countries.alpha2ToNumeric(alpha2);
	return !!id && !world().coarse.some((f) => f.id === id);
}

export function project(point: LonLat): [number, number] {
	const [x, y] = world().projection(point) ?? [0, 0];
	return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

let base: { land: string; borders: string } | undefined;
const smallPaths = new Map<string, string>();

/**
 * SVG path data of the base map: the land as one shape and each border once (drawing every
 * country's own outline draws each border twice: twice the bytes), in whole units of a
 * 1 000-wide drawing; and the outlines of the small countries asked for.
 */
export function mapOutline(extra: string[] = []) {
	const { projection } = world();
	const path = geoPath(projection).digits(0);
	if (!base) {
		const topology = require('world-atlas/countries-110m.json') as World;
		const kept = topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA);
		base = {
			land: path(merge(topology, kept as never)) ?? '',
			borders:
				path(mesh(topology, { type: 'GeometryCollection', geometries: kept }, (a, b) => a !== b)) ??
				''
		};
	}
	const small = extra.flatMap((code) => {
		const f = isSmallCountry(code) ? countryOutline(code) : undefined;
		if (!f) return [];
		const id = String(f.id);
		if (!smallPaths.has(id)) smallPaths.set(id, path(f) ?? '');
		return [{ id, d: smallPaths.get(id)! }];
	});
	return { ...base, small };
}

/** The largest piece of a country (mainland rather than its islands). */
function mainPiece(country: Country): Feature<Polygon> {
	const g = country.geometry;
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	const pieces = polygons.map((coordinates): Feature<Polygon> => ({
		type: 'Feature',
		properties: {},
		geometry: { type: 'Polygon', coordinates }
	}));
	return pieces.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

/**
 * A point well inside the country: the centroid of its largest piece when that is inside,
 * else the inside point of a grid over the piece nearest to that centroid.
 */
export function interiorPoint(country: Country): LonLat {
	const piece = mainPiece(country);
	const centre = geoCentroid(piece) as LonLat;
	if (geoContains(piece, centre)) return centre;
	const [[w, s], [e, n]] = geoBounds(piece);
	let best: LonLat = centre;
	let distance = Infinity;
	for (let i = 1; i < 24; i++) {
		for (let j = 1; j < 24; j++) {
			const p: LonLat = [w + ((e - w) * i) / 24, s + ((n - s) * j) / 24];
			const d = Math.hypot(p[0] - centre[0], p[1] - centre[1]);
			if (d < distance && geoContains(piece, p)) [best, distance] = [p, d];
		}
	}
	return best;
}

export { geoContains };
