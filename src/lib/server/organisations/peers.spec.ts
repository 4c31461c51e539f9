import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { lessons, organisationThemes, themes } from '../db/schema';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { seedDemo } from '../demo/seed';
import { organisations } from '../db/schema';
import { addPractice } from './practices';
import { PEER_WEIGHTS, findPeers, peerScore } from './peers';
import { highlight, matchingThemes, queryTerms } from './words';
import { listThemes } from './directory';

const themeId = (db: DB, slug: string) =>
	db.select().from(themes).where(eq(themes.slug, slug)).get()!.id;

describe('finding a peer: ranking by evidence', () => {
	let db: DB;
	let practised: number;
	let themed: number;
	beforeEach(() => {
		db = createTestDb();
		const reading = themeId(db, 'reading-promotion');
		// Created first, so an equal score would put it first: only the evidence can reorder.
		themed = addOrganisation(db, 'THEMED');
		practised = addOrganisation(db, 'PRACTISED');
		const visitor = addOrganisation(db, 'VISITOR');
		db.insert(organisationThemes).values({ organisationId: themed, themeId: reading }).run();
		addPractice(db, null, practised, {
			kind: 'share',
			title: 'Lecture plaisir en famille',
			description: 'Des soirées de lecture avec les parents.',
			themeIds: []
		});
		const visitId = addVisit(db, {
			status: 'completed',
			startsOn: '2024-05-05',
			endsOn: '2024-05-10',
			timeZone: 'UTC',
			organisations: [
				[practised, 'host', 'accepted'],
				[visitor, 'visitor', 'accepted']
			]
		});
		db.insert(lessons)
			.values({ visitId, organisationId: visitor, title: 'La lecture plaisir attire les enfants' })
			.run();
	});

	it('ranks practices and hosted lessons above a theme in common', () => {
		const { items } = findPeers(db, 'lecture', { viewer: null });
		expect(items.map((i) => i.shortName)).toEqual(['PRACTISED', 'THEMED']);
		expect(items[0].evidence).toMatchObject({ practices: 1, hostedLessons: 1 });
		expect(items[1].evidence).toMatchObject({ practices: 0, hostedLessons: 0, themes: 1 });
		expect(items[0].score).toBeGreaterThan(items[1].score);
	});

	it('weighs one practice above the most lessons and a lesson above the most themes', () => {
		const most = (k: keyof typeof PEER_WEIGHTS) => ({
			...Object.fromEntries(Object.keys(PEER_WEIGHTS).map((key) => [key, 0])),
			[k]: 99
		});
		const one = (k: keyof typeof PEER_WEIGHTS) => ({ ...most(k), [k]: 1 });
		const score = (t: Record<string, number>) => peerScore(t as never);
		expect(score(one('practice'))).toBeGreaterThan(score(most('hostedLesson')));
		expect(score(one('hostedLesson'))).toBeGreaterThan(score(most('theme')));
		expect(score(one('theme'))).toBeGreaterThan(score(most('visit')));
	});

	it('marks the matched words in the evidence, as segments of text', () => {
		const [first] = findPeers(db, 'LECTURE', { viewer: null }).items;
		expect(first.practices[0].title).toEqual([
			{ text: 'Lecture', mark: true },
			{ text: ' plaisir en famille', mark: false }
		]);
	});

	it('leaves out the organisations of the person searching and archived ones', () => {
		db.update(organisations)
			.set({ archivedAt: new Date() })
			.where(eq(organisations.id, themed))
			.run();
		const { items } = findPeers(db, 'lecture', { viewer: null, excludeIds: [practised] });
		expect(items).toEqual([]);
	});

	it('does not count a participants-only lesson for someone outside the visit', () => {
		db.update(lessons).set({ visibility: 'participants' }).run();
		const [first] = findPeers(db, 'lecture', { viewer: [themed] }).items;
		expect(first.evidence.hostedLessons).toBe(0);
		const staffView = findPeers(db, 'lecture', { viewer: null }).items[0];
		expect(staffView.evidence.hostedLessons).toBe(1);
	});
});

describe('words: accents, case and the four languages', () => {
	it('folds accents and case, and drops the little words', () => {
		expect(queryTerms('Nous voulons apprendre la BIBLIOTHÈQUE mobile')).toEqual([
			'bibliotheque',
			'mobile'
		]);
		expect(
			highlight('Bibliothèques mobiles', queryTerms('bibliotheque')).map((s) => s.mark)
		).toEqual([true, false]);
	});

	it('finds a theme from its name in any language', () => {
		const db = createTestDb();
		const all = listThemes(db);
		const slugs = (q: string) => matchingThemes(all, queryTerms(q)).map((t) => t.slug);
		expect(slugs('mobile library')).toEqual(['mobile-libraries']);
		expect(slugs('bibliothèque mobile')).toEqual(['mobile-libraries']);
		expect(slugs('biblioteca móvil')).toEqual(['mobile-libraries']);
		expect(slugs('المكتبات المتنقلة')).toEqual(['mobile-libraries']);
		expect(slugs('cantine')).toEqual(['school-canteens']);
		expect(slugs('comedores')).toEqual(['school-canteens']);
	});
});

describe('finding a peer in the demo network', () => {
	let db: DB;
	beforeAll(async () => {
		db = createTestDb();
		await seedDemo(db, new Date('2026-11-22T10:00:00Z'));
	});

	it.each(['bibliothèque mobile', 'bibliotheque MOBILE', 'mobile library', 'biblioteca móvil'])(
		'"%s" finds MAEECHA first',
		(q) => {
			const { items } = findPeers(db, q, { viewer: [] });
			expect(items[0]?.shortName).toBe('MAEECHA');
		}
	);

	it('finds the Dispensaire Trottoir for activity sheets and KEOOGO for the garden', () => {
		expect(findPeers(db, "fiches d'activités", { viewer: [] }).items[0].shortName).toBe('DT');
		expect(findPeers(db, 'jardin agro-écologique', { viewer: [] }).items[0].shortName).toBe(
			'KEOOGO'
		);
	});

	it('finds nothing for an empty or stop-word-only query', () => {
		expect(findPeers(db, '  ', { viewer: [] }).items).toEqual([]);
		expect(findPeers(db, 'we want to learn about', { viewer: [] }).items).toEqual([]);
	});
});
