import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { themes } from '../db/schema';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { addPractice } from './practices';
import { significantWords } from './words';
import { SUGGESTION_WEIGHTS, exportSuggestions, listSuggestions } from './suggestions';

let db: DB;
let a: number;
let b: number;
let c: number;
const theme = (slug: string) => db.select().from(themes).where(eq(themes.slug, slug)).get()!.id;
const entry = (org: number, kind: 'share' | 'learn', title: string, slugs: string[] = []) =>
	addPractice(db, null, org, { kind, title, description: '', themeIds: slugs.map(theme) });

beforeEach(() => {
	db = createTestDb();
	a = addOrganisation(db, 'AAA');
	b = addOrganisation(db, 'BBB');
	c = addOrganisation(db, 'CCC');
});

describe('suggested exchanges', () => {
	it('pairs a wish with a practice elsewhere by theme or by words, strongest first', () => {
		entry(a, 'learn', 'Promotion de la lecture', ['reading-promotion']);
		entry(b, 'share', 'Bibliothèque mobile', ['reading-promotion']);
		entry(c, 'share', 'Ateliers de lecture pour les parents');
		const { items, total } = listSuggestions(db);
		expect(total).toBe(2);
		expect(items.map((s) => [s.a.name, s.b.name])).toEqual([
			['AAA', 'BBB'],
			['AAA', 'CCC']
		]);
		expect(items[0].matches[0]).toMatchObject({
			learnerId: a,
			sharerId: b,
			wish: 'Promotion de la lecture',
			practice: 'Bibliothèque mobile'
		});
		expect(items[1].matches[0].words).toEqual(['lecture']);
	});

	it('never suggests a pair twice, whichever side learns, nor an organisation to itself', () => {
		entry(a, 'learn', 'Jardin scolaire', ['school-canteens']);
		entry(a, 'share', 'Cantine scolaire', ['school-canteens']);
		entry(b, 'share', 'Jardin potager', ['school-canteens']);
		entry(b, 'learn', 'Cantine gérée par les parents', ['school-canteens']);
		const { items } = listSuggestions(db);
		expect(items).toHaveLength(1);
		expect(items[0].matches.map((m) => m.learnerId).sort()).toEqual([a, b].sort());
	});

	it('marks the pairs that already visited each other', () => {
		entry(a, 'learn', 'Lecture plaisir', ['reading-promotion']);
		entry(b, 'share', 'Lecture plaisir', ['reading-promotion']);
		entry(c, 'share', 'Lecture', ['reading-promotion']);
		const visitId = addVisit(db, {
			title: 'AAA chez BBB',
			status: 'completed',
			startsOn: '2023-11-06',
			endsOn: '2023-11-10',
			timeZone: 'UTC',
			organisations: [
				[b, 'host', 'accepted'],
				[a, 'visitor', 'accepted']
			]
		});
		addVisit(db, {
			title: 'Annulée',
			status: 'cancelled',
			startsOn: '2024-01-06',
			endsOn: '2024-01-10',
			timeZone: 'UTC',
			organisations: [
				[c, 'host', 'accepted'],
				[a, 'visitor', 'accepted']
			]
		});
		const byPair = Object.fromEntries(
			exportSuggestions(db).map((s) => [`${s.a.name}-${s.b.name}`, s.visited?.id ?? null])
		);
		expect(byPair).toEqual({ 'AAA-BBB': visitId, 'AAA-CCC': null });
	});

	it('follows the profiles: a removed wish is no longer suggested', () => {
		const wish = entry(a, 'learn', 'Lecture', ['reading-promotion']);
		entry(b, 'share', 'Lecture', ['reading-promotion']);
		expect(listSuggestions(db).total).toBe(1);
		db.$client.prepare('DELETE FROM practices WHERE id = ?').run(wish.ok ? wish.id : 0);
		expect(listSuggestions(db).total).toBe(0);
	});
});

/**
 * The rule spelled out the slow way: every wish against every practice of another organisation,
 * its ten best matches kept (ties in practice order), gathered per pair and scored by the pair's
 * best three. The suggestions must be exactly these, however they are computed.
 */
function expected(db: DB) {
	type Row = { id: number; org: number; kind: string; title: string; description: string };
	const rows = db.$client
		.prepare(
			'SELECT id, organisation_id AS org, kind, title, description FROM practices ORDER BY id'
		)
		.all() as Row[];
	const themesOf = (id: number) =>
		db.$client
			.prepare('SELECT theme_id FROM practice_themes WHERE practice_id = ?')
			.pluck()
			.all(id) as number[];
	const entries = rows.map((r) => ({
		...r,
		words: significantWords(`${r.title} ${r.description}`),
		themes: themesOf(r.id)
	}));
	const pairs = new Map<string, number[]>();
	for (const wish of entries.filter((e) => e.kind === 'learn')) {
		const scored = entries
			.filter((o) => o.kind === 'share' && o.org !== wish.org)
			.map((o) => ({
				o,
				score:
					SUGGESTION_WEIGHTS.theme * wish.themes.filter((t) => o.themes.includes(t)).length +
					SUGGESTION_WEIGHTS.word * [...wish.words].filter((w) => o.words.has(w)).length
			}))
			.filter((m) => m.score > 0)
			.sort((x, y) => y.score - x.score || x.o.id - y.o.id)
			.slice(0, 10);
		for (const { o, score } of scored) {
			const key = [wish.org, o.org].sort((x, y) => x - y).join('-');
			pairs.set(key, [...(pairs.get(key) ?? []), score]);
		}
	}
	return [...pairs.entries()]
		.map(([key, scores]) => ({
			key,
			score: scores
				.sort((x, y) => y - x)
				.slice(0, 3)
				.reduce((s, n) => s + n, 0),
			matches: scores.length
		}))
		.sort((x, y) => x.key.localeCompare(y.key));
}

describe("suggested exchanges, computed from the offers' word and theme lists", () => {
	const vocabulary = [
		'lecture',
		'bibliothèque',
		'jardin',
		'cantine',
		'parents',
		'santé',
		'théâtre'
	];
	const practice = fc.record({
		org: fc.integer({ min: 0, max: 3 }),
		kind: fc.constantFrom('share' as const, 'learn' as const),
		words: fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }),
		themes: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 2 })
	});

	it('finds every pair, with its score and matches, that comparing each wish with each practice finds', () => {
		fc.assert(
			fc.property(fc.array(practice, { minLength: 12, maxLength: 60 }), (drawn) => {
				db = createTestDb();
				const orgs = [1, 2, 3, 4].map((n) => addOrganisation(db, `Org ${n}`));
				const themeIds = (db.select().from(themes).all() as { id: number }[])
					.slice(0, 3)
					.map((t) => t.id);
				for (const p of drawn)
					addPractice(db, null, orgs[p.org], {
						kind: p.kind,
						title: p.words.join(' '),
						description: '',
						themeIds: p.themes.map((t) => themeIds[t])
					});
				const got = exportSuggestions(db)
					.map((s) => ({
						key: [s.a.id, s.b.id].sort((x, y) => x - y).join('-'),
						score: s.score,
						matches: s.matches.length
					}))
					.sort((x, y) => x.key.localeCompare(y.key));
				expect(got).toEqual(expected(db));
			}),
			{ numRuns: 60 }
		);
	});
});
