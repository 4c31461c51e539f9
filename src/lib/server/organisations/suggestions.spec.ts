import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { themes } from '../db/schema';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { addPractice } from './practices';
import { exportSuggestions, listSuggestions } from './suggestions';

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
