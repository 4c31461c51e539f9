import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { evaluationQuestions, evaluationTemplates, themes, visitThemes } from '../db/schema';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { addSheet, openTestEvaluation } from '../db/evaluation-fixtures';
import { OVERVIEW_PAGE_SIZE, evaluationsOverview } from './overview';
import type { VisitStatus } from '$lib/enums';

let db: DB;
let keoogo: number, dt: number, racines: number, maeecha: number;
let reading: number, preschool: number;

const visit = (
	title: string,
	host: number,
	visitor: number,
	startsOn: string,
	status: VisitStatus = 'completed',
	theme?: number
) => {
	const id = addVisit(db, {
		title,
		status,
		startsOn,
		endsOn: startsOn,
		timeZone: 'UTC',
		organisations: [
			[host, 'host'],
			[visitor, 'visitor']
		]
	});
	if (theme) db.insert(visitThemes).values({ visitId: id, themeId: theme }).run();
	return id;
};

/** A second template version, where `overall` sits elsewhere under a new question id. */
function newTemplateVersion() {
	const { id } = db.insert(evaluationTemplates).values({ version: 2 }).returning().get();
	const base = { templateId: id, required: true, textEn: 'x', textEs: 'x', textAr: 'x' };
	db.insert(evaluationQuestions)
		.values([
			{ ...base, position: 1, code: 'overall', kind: 'rating', textFr: 'Note globale' },
			{ ...base, position: 2, code: 'objectives', kind: 'rating', textFr: 'Objectifs' }
		])
		.run();
}

beforeEach(() => {
	db = createTestDb();
	keoogo = addOrganisation(db, 'KEOOGO');
	dt = addOrganisation(db, 'DT');
	racines = addOrganisation(db, 'RACINES');
	maeecha = addOrganisation(db, 'MAEECHA');
	const theme = (slug: string) => db.select().from(themes).where(eq(themes.slug, slug)).get()!.id;
	reading = theme('reading-promotion');
	preschool = theme('preschool-education');

	// 2023, reading, host MAEECHA: overall 5, 4 (+ a draft at 1), 3 sheets in all.
	const a = openTestEvaluation(
		db,
		visit('Lecture', maeecha, racines, '2023-11-13', 'completed', reading)
	);
	addSheet(db, a, {
		organisationId: racines,
		name: 'Tobias',
		answers: { overall: 5, objectives: 2 }
	});
	addSheet(db, a, { organisationId: maeecha, name: 'Youssouf', answers: { overall: 4 } });
	addSheet(db, a, {
		organisationId: maeecha,
		name: 'Nasser',
		submitted: false,
		answers: { overall: 1 }
	});

	// 2024, preschool, host DT, opened with template version 2: overall 2, one sheet.
	newTemplateVersion();
	const b = openTestEvaluation(
		db,
		visit('Préscolaire', dt, keoogo, '2024-05-05', 'closed', preschool)
	);
	addSheet(db, b, { organisationId: keoogo, name: 'Awa', answers: { overall: 2 } });

	// Took place, never evaluated; evaluated without any submitted sheet; not yet happened.
	visit('Cantines', dt, racines, '2024-02-26');
	const c = openTestEvaluation(db, visit('Familles', keoogo, dt, '2024-10-28'));
	addSheet(db, c, { organisationId: dt, name: 'Agathe', submitted: false });
	visit('Plus tard', keoogo, dt, '2099-01-01', 'confirmed');
});

describe('evaluations across the network', () => {
	it('means the overall rating across template versions, with response rates', () => {
		const o = evaluationsOverview(db);
		expect(o.network).toMatchObject({ evaluated: 3, responses: 5, submitted: 3, n: 3, rate: 60 });
		expect(o.network.mean).toBeCloseTo(11 / 3);
		expect(o.perVisit.map((v) => [v.title, v.host, v.mean, v.n, v.submitted, v.responses])).toEqual(
			[
				['Familles', 'KEOOGO', null, 0, 0, 1],
				['Préscolaire', 'DT', 2, 1, 1, 1],
				['Lecture', 'MAEECHA', 4.5, 2, 2, 3]
			]
		);
		expect(o.perVisit[2].rate).toBe(67);
	});

	it('groups by theme, year and host', () => {
		const o = evaluationsOverview(db);
		expect(o.perTheme.map((t) => [t.nameFr, t.mean, t.rate])).toEqual([
			['Éducation préscolaire', 2, 100],
			['Promotion de la lecture', 4.5, 67]
		]);
		expect(o.perYear.map((y) => [y.year, y.evaluated, y.mean, y.submitted, y.responses])).toEqual([
			['2024', 2, 2, 1, 2],
			['2023', 1, 4.5, 2, 3]
		]);
		expect(o.perHost.map((h) => [h.name, h.evaluated, h.mean])).toEqual([
			['DT', 1, 2],
			['KEOOGO', 1, null],
			['MAEECHA', 1, 4.5]
		]);
	});

	it('lists the visits that took place without a submitted sheet', () => {
		const o = evaluationsOverview(db);
		expect(o.missing.map((v) => [v.title, v.evaluationId !== null, v.responses])).toEqual([
			['Familles', true, 1],
			['Cantines', false, 0]
		]);
		expect(o.missingTotal).toBe(2);
	});

	it('pages long lists', () => {
		for (let i = 0; i < OVERVIEW_PAGE_SIZE; i++) visit(`Sans fiche ${i}`, dt, keoogo, '2020-01-01');
		const first = evaluationsOverview(db);
		expect([first.missing.length, first.missingTotal, first.missingPages]).toEqual([
			OVERVIEW_PAGE_SIZE,
			OVERVIEW_PAGE_SIZE + 2,
			2
		]);
		const second = evaluationsOverview(db, { missing: 2 });
		expect(second.missing.map((v) => v.title)).toEqual(['Sans fiche 1', 'Sans fiche 0']);
		expect(evaluationsOverview(db, { visits: 2 }).perVisit).toEqual([]);
		const beyond = evaluationsOverview(db, { missing: 9 });
		expect([beyond.missing, beyond.missingTotal]).toEqual([[], OVERVIEW_PAGE_SIZE + 2]);
	});
});
