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
import { feature } from 'topojson-client';
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

function load(file: string): Country[] {
	const topology = require(`world-atlas/${file}`) as Topology<{
		countries: GeometryCollection<{ name: string }>;
	}>;
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

const pathCache = new Map<string, string>();

/** SVG path data of the base map, and of the small countries asked for, one decimal. */
export function countryPaths(extra: string[] = []) {
	const { coarse, projection } = world();
	const path = geoPath(projection).digits(1);
	const draw = (f: Country) => {
		const key = String(f.id ?? f.properties.name);
		let d = pathCache.get(key);
		if (d === undefined) pathCache.set(key, (d = path(f) ?? ''));
		return { id: key, d };
	};
	const small = extra.map(countryOutline).filter((f): f is Country => !!f);
	return [...coarse, ...small.filter((f) => !coarse.includes(f))].map(draw);
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
