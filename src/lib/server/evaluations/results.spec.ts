import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { addSheet, openTestEvaluation, type TestEvaluation } from '../db/evaluation-fixtures';
import { evaluationResults, meanOf, responseRate, showsRespondent } from './results';
import { evaluationExport } from './export';

let db: DB;
let keoogo: number, dt: number, racines: number, visitId: number;
let evaluation: TestEvaluation;

function fill(anonymous = false) {
	evaluation = openTestEvaluation(db, visitId, anonymous);
	addSheet(db, evaluation, {
		organisationId: keoogo,
		name: 'Awa',
		answers: {
			objectives: 5,
			overall: 4,
			follow_up: 1,
			most_useful_part: 0,
			useful_activity: 'Les ateliers'
		}
	});
	addSheet(db, evaluation, {
		organisationId: keoogo,
		name: 'Safiatou',
		answers: { objectives: 4, overall: 5, follow_up: 1, most_useful_part: 2, suggestions: ' ' }
	});
	addSheet(db, evaluation, {
		organisationId: dt,
		name: 'Agathe',
		answers: {
			objectives: 3,
			overall: 4,
			follow_up: 0,
			most_useful_part: 0,
			suggestions: 'Plus de temps'
		}
	});
	// A draft counts as a sheet sent, never as an answer.
	addSheet(db, evaluation, {
		organisationId: dt,
		name: 'Djénéba',
		submitted: false,
		answers: { objectives: 1, overall: 1, suggestions: 'Brouillon à revoir' }
	});
	addSheet(db, evaluation, { organisationId: keoogo, name: 'Natacha', submitted: false });
}

const results = (viewer: number[] | null = null, organisationId?: number) =>
	evaluationResults(db, visitId, { viewer, organisationId, locale: 'fr' })!;
const question = (r: ReturnType<typeof results>, code: string) =>
	r.questions.find((q) => q.code === code)!;

beforeEach(() => {
	db = createTestDb();
	keoogo = addOrganisation(db, 'KEOOGO');
	dt = addOrganisation(db, 'DT');
	racines = addOrganisation(db, 'RACINES');
	visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2024-05-05',
		endsOn: '2024-05-10',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[dt, 'host'],
			[keoogo, 'visitor']
		]
	});
});

describe('figures', () => {
	it('a mean of a distribution, a rate of sheets', () => {
		expect(meanOf([0, 0, 1, 1, 1])).toBe(4);
		expect(meanOf([1, 0, 0, 0, 1])).toBe(3);
		expect(meanOf([0, 0, 0, 0, 0])).toBeNull();
		expect(responseRate(3, 5)).toBe(60);
		expect(responseRate(2, 3)).toBe(67);
		expect(responseRate(0, 0)).toBeNull();
	});
});

describe('evaluation results', () => {
	it('is null while no evaluation is open', () => {
		expect(evaluationResults(db, visitId, { viewer: null, locale: 'fr' })).toBeNull();
	});

	it('counts submitted sheets only: distributions, means, shares, choices', () => {
		fill();
		const r = results();
		expect([r.responses, r.submitted, r.rate]).toEqual([5, 3, 60]);
		expect(question(r, 'objectives')).toMatchObject({ n: 3, counts: [0, 0, 1, 1, 1], mean: 4 });
		expect(question(r, 'overall').counts).toEqual([0, 0, 0, 2, 1]);
		expect(question(r, 'overall').mean).toBeCloseTo(13 / 3);
		expect(question(r, 'follow_up')).toMatchObject({ n: 3, counts: [1, 2], mean: null });
		const choice = question(r, 'most_useful_part');
		expect(choice.counts).toEqual([2, 0, 1, 0]);
		expect(choice.labels[0]).toBe("Les observations de classes et d'activités");
		expect(question(r, 'overall').text).toBe('Quelle note globale donnez-vous à cette visite ?');
	});

	it('groups open answers by question, without blanks or drafts', () => {
		fill();
		const r = results();
		expect(question(r, 'useful_activity').answers).toEqual([
			{ text: 'Les ateliers', name: 'Awa', organisation: 'KEOOGO' }
		]);
		expect(question(r, 'suggestions')).toMatchObject({
			n: 1,
			answers: [{ text: 'Plus de temps', name: 'Agathe', organisation: 'DT' }]
		});
		expect(question(r, 'difficulties').answers).toEqual([]);
	});

	it('filters by organisation, and ignores an organisation without sheets', () => {
		fill();
		const r = results(null, dt);
		expect(r.organisationId).toBe(dt);
		expect([r.responses, r.submitted, r.rate]).toEqual([2, 1, 50]);
		expect(question(r, 'objectives')).toMatchObject({ n: 1, counts: [0, 0, 1, 0, 0], mean: 3 });
		expect(question(r, 'useful_activity').answers).toEqual([]);
		expect(r.organisations.map((o) => [o.shortName, o.responses, o.submitted])).toEqual([
			['DT', 2, 1],
			['KEOOGO', 3, 2]
		]);
		const all = results(null, racines);
		expect([all.organisationId, all.submitted]).toEqual([null, 3]);
	});

	it('hides names from the other organisation when anonymous, never from staff', () => {
		fill(true);
		const useful = (viewer: number[] | null) =>
			question(results(viewer), 'useful_activity').answers[0];
		expect(useful([dt])).toEqual({ text: 'Les ateliers', name: null, organisation: null });
		expect(useful([keoogo])).toMatchObject({ name: 'Awa', organisation: 'KEOOGO' });
		expect(useful(null)).toMatchObject({ name: 'Awa' });
		expect(showsRespondent([dt], false, keoogo)).toBe(true);
		expect(showsRespondent([dt, keoogo], true, keoogo)).toBe(true);
	});

	it('runs the same few queries for 3 sheets as for 60 (no query per sheet)', () => {
		fill();
		const queries = () => {
			const spy = vi.spyOn(db.$client, 'prepare');
			results(null);
			const n = spy.mock.calls.length;
			spy.mockRestore();
			return n;
		};
		const few = queries();
		for (let i = 0; i < 57; i++) {
			addSheet(db, evaluation, {
				organisationId: i % 2 ? dt : keoogo,
				name: `P${i}`,
				answers: { objectives: 1 + (i % 5), overall: 3, difficulties: `Texte ${i}` }
			});
		}
		expect(queries()).toBe(few);
		expect(few).toBeLessThanOrEqual(6);
		expect(question(results(), 'difficulties').answers).toHaveLength(57);
	});
});

describe('evaluation export', () => {
	const exported = (viewer: number[] | null, organisationId?: number) =>
		evaluationExport(db, visitId, { viewer, organisationId })!;

	it('is null while no evaluation is open', () => {
		expect(evaluationExport(db, visitId, { viewer: null })).toBeNull();
	});

	it('writes one row per submitted sheet, a column per question', () => {
		fill();
		const { questions, sheets } = exported(null);
		expect(questions.map((q) => q.code)).toEqual([
			'objectives',
			'useful_activity',
			'practices',
			'difficulties',
			'suggestions',
			'follow_up',
			'most_useful_part',
			'overall'
		]);
		expect(sheets.map((s) => [s.organisation, s.name])).toEqual([
			['DT', 'Agathe'],
			['KEOOGO', 'Awa'],
			['KEOOGO', 'Safiatou']
		]);
		const awa = sheets[1].answers;
		expect(awa[0]).toEqual({ value: 5, text: null });
		expect(awa[1]).toEqual({ value: null, text: 'Les ateliers' });
		expect(awa[2]).toBeNull();
		expect(awa[7]).toEqual({ value: 4, text: null });
	});

	it('applies the organisation filter and the anonymity rule', () => {
		fill(true);
		expect(exported(null, keoogo).sheets.map((s) => s.name)).toEqual(['Awa', 'Safiatou']);
		expect(exported([dt]).sheets.map((s) => [s.organisation, s.name])).toEqual([
			['DT', 'Agathe'],
			[null, null],
			[null, null]
		]);
	});
});
