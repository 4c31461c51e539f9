import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { organisations, themes, visitThemes } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { countryOutline, geoContains, MAP_HEIGHT, MAP_WIDTH } from './outline';
import { placeAll } from './places';
import { networkMap } from './map';

const ALL = { year: null, themeId: null };

function organisationIn(
	db: ReturnType<typeof createTestDb>,
	shortName: string,
	country: string,
	city: string
) {
	const id = addOrganisation(db, shortName);
	db.update(organisations).set({ country, city }).where(eq(organisations.id, id)).run();
	return id;
}

// Reading the gazetteer takes a second or more on a busy machine.
describe('placing organisations', { timeout: 30_000 }, () => {
	it('puts every demo organisation inside its own country, at its city when the gazetteer knows it', async () => {
		const db = createTestDb();
		await seedDemo(db);
		const orgs = db.select().from(organisations).all();
		const where = placeAll(orgs);
		for (const o of orgs) {
			const at = where(o.country, o.city);
			expect(at, `${o.shortName} (${o.city}, ${o.country})`).not.toBeNull();
			const outline = countryOutline(o.country);
			// Mayotte has no outline of its own in Natural Earth: it is placed at its city.
			if (outline) expect(geoContains(outline, at!.point), o.shortName).toBe(true);
			else expect(at!.exact, o.shortName).toBe(true);
		}
		// Cities the gazetteer knows by these names are placed at the city, not the country.
		const ouaga = where('BF', 'Ouagadougou')!;
		expect(ouaga.exact).toBe(true);
		expect(ouaga.point[0]).toBeCloseTo(-1.53, 1);
		expect(ouaga.point[1]).toBeCloseTo(12.37, 1);
		expect(where('BF', 'Bobo-Dioulasso')!.exact).toBe(true);
		expect(where('KM', 'Moroni')!.exact).toBe(true);
	});

	it('keeps coastal cities, small island countries and unknown cities inside the outline', () => {
		const cases: [string, string][] = [
			['BJ', 'Cotonou'],
			['MA', 'Tangier'],
			['KM', 'Moroni'],
			['KM', 'Fomboni'],
			['HT', 'Port-de-Paix'],
			['PE', 'Ville 12'],
			['FR', 'compiegne']
		];
		const where = placeAll(cases.map(([country, city]) => ({ country, city })));
		for (const [country, city] of cases) {
			const at = where(country, city);
			expect(geoContains(countryOutline(country)!, at!.point), `${city}, ${country}`).toBe(true);
		}
		// Accents and case do not matter; a city nobody knows still lands in its country.
		expect(where('FR', 'compiegne')!.exact).toBe(true);
		expect(where('PE', 'Ville 12')!.exact).toBe(false);
	});

	it('leaves out a place found neither in the outline nor in the gazetteer, instead of guessing', () => {
		expect(placeAll([{ country: 'YT', city: 'Nowhere' }])('YT', 'Nowhere')).toBeNull();
	});
});

describe('the network map', { timeout: 30_000 }, () => {
	it('draws one arc per visiting pair, as thick as its visits, in the direction of the visit', async () => {
		const db = createTestDb();
		const keoogo = organisationIn(db, 'KEOOGO', 'BF', 'Ouagadougou');
		const maeecha = organisationIn(db, 'MAEECHA', 'KM', 'Moroni');
		const racines = organisationIn(db, 'RACINES', 'BJ', 'Cotonou');
		const visit = (visitor: number, host: number, startsOn: string) =>
			addVisit(db, {
				status: 'completed',
				startsOn,
				endsOn: startsOn,
				timeZone: 'UTC',
				organisations: [
					[host, 'host'],
					[visitor, 'visitor']
				]
			});
		visit(racines, maeecha, '2023-11-20');
		expect((await networkMap(db, ALL)).arcs).toEqual([
			expect.objectContaining({ from: racines, to: maeecha, visits: 1 })
		]);
		visit(racines, maeecha, '2024-03-01');
		visit(keoogo, maeecha, '2024-05-05');
		const map = await networkMap(db, ALL);
		expect(map.arcs).toHaveLength(2);
		expect(map.arcs[0]).toMatchObject({ from: racines, to: maeecha, visits: 2 });
		expect(map.pairs[0]).toMatchObject({ from: 'RACINES', to: 'MAEECHA', visits: 2 });
		// Every drawn point is on the canvas, and each arc starts at its visitor's dot.
		for (const p of map.places) {
			expect(p.x).toBeGreaterThan(0);
			expect(p.x).toBeLessThan(MAP_WIDTH);
			expect(p.y).toBeGreaterThan(0);
			expect(p.y).toBeLessThan(MAP_HEIGHT);
		}
		const cotonou = map.places.find((p) => p.organisations.some((o) => o.id === racines))!;
		expect(map.arcs[0].d.startsWith(`M${cotonou.x} ${cotonou.y}Q`)).toBe(true);
	});

	it('counts only visits that took place or are agreed, and filters by year and theme', async () => {
		const db = createTestDb();
		const a = organisationIn(db, 'A', 'BF', 'Ouagadougou');
		const b = organisationIn(db, 'B', 'BF', 'Bobo-Dioulasso');
		const c = organisationIn(db, 'C', 'BJ', 'Cotonou');
		const orgs = (visitor: number, host: number) =>
			[
				[host, 'host'],
				[visitor, 'visitor']
			] as [number, 'host' | 'visitor'][];
		const reading = db.select().from(themes).all()[0];
		const v2023 = addVisit(db, {
			status: 'closed',
			startsOn: '2023-05-01',
			endsOn: '2023-05-02',
			timeZone: 'UTC',
			organisations: orgs(a, b)
		});
		db.insert(visitThemes).values({ visitId: v2023, themeId: reading.id }).run();
		addVisit(db, {
			status: 'confirmed',
			startsOn: '2024-05-01',
			endsOn: '2024-05-02',
			timeZone: 'UTC',
			organisations: orgs(c, b)
		});
		for (const status of ['proposed', 'declined', 'cancelled', 'draft'] as const) {
			addVisit(db, {
				status,
				startsOn: '2024-06-01',
				endsOn: '2024-06-02',
				timeZone: 'UTC',
				organisations: orgs(a, c)
			});
		}
		const pairsOf = async (filter: { year: number | null; themeId: number | null }) =>
			(await networkMap(db, filter)).pairs.map((p) => `${p.from}→${p.to}`);
		expect((await pairsOf(ALL)).sort()).toEqual(['A→B', 'C→B']);
		expect(await pairsOf({ year: 2024, themeId: null })).toEqual(['C→B']);
		expect(await pairsOf({ year: null, themeId: reading.id })).toEqual(['A→B']);
		expect(await pairsOf({ year: 2022, themeId: null })).toEqual([]);
		// Organisations are on the map whatever the filter: it shows who is in the network.
		expect((await networkMap(db, { year: 2022, themeId: null })).places).toHaveLength(3);
	});

	it('gathers organisations of one city on one dot, and lists their visits without a line', async () => {
		const db = createTestDb();
		const x = organisationIn(db, 'X', 'EC', 'Quito');
		const y = organisationIn(db, 'Y', 'EC', 'Quito');
		addVisit(db, {
			status: 'completed',
			startsOn: '2024-01-10',
			endsOn: '2024-01-11',
			timeZone: 'UTC',
			organisations: [
				[x, 'host'],
				[y, 'visitor']
			]
		});
		const map = await networkMap(db, ALL);
		expect(map.places).toHaveLength(1);
		expect(map.places[0].organisations.map((o) => o.shortName)).toEqual(['X', 'Y']);
		expect(map.arcs).toEqual([]);
		expect(map.pairs).toEqual([expect.objectContaining({ from: 'Y', to: 'X', visits: 1 })]);
	});

	it('draws the small countries organisations are in, which the coarse outline leaves out', async () => {
		const db = createTestDb();
		organisationIn(db, 'MAEECHA', 'KM', 'Moroni');
		const { outline } = await networkMap(db, ALL);
		expect(outline.small.map((c) => c.id)).toEqual(['174']);
		expect(outline.small[0].d).toMatch(/^M\d+/);
		expect(outline.land.length).toBeGreaterThan(1000);
		expect(outline.borders.length).toBeGreaterThan(1000);
	});
});
