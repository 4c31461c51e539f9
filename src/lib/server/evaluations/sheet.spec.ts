import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { evaluationAnswers, evaluationResponses } from '../db/schema';
import { addUser } from '../db/test-fixtures';
import { oneDelegateLink } from '../db/evaluation-fixtures';
import { currentTemplate, templateById } from './template';
import { draftOf, saveTemplate } from './template-editor';
import { answersOf, markOpened, saveSheet, sheetByToken, type Sheet } from './sheet';

const ORIGIN = 'https://passerelle.test';
let db: DB;
let sheet: Sheet;
let token = '';
let q: Record<string, number>;

beforeEach(() => {
	db = createTestDb();
	token = oneDelegateLink(db, ORIGIN);
	sheet = sheetByToken(db, token)!;
	q = Object.fromEntries(currentTemplate(db).questions.map((x) => [x.code!, x.id]));
});

const form = (answers: Record<string, string | number>) => {
	const f = new FormData();
	for (const [code, v] of Object.entries(answers)) {
		f.set(code.startsWith('q') && /^q\d+$/.test(code) ? code : `q${q[code]}`, String(v));
	}
	return f;
};
const answerCount = () =>
	db
		.select()
		.from(evaluationAnswers)
		.where(eq(evaluationAnswers.responseId, sheet.response.id))
		.all().length;
const response = () =>
	db.select().from(evaluationResponses).where(eq(evaluationResponses.id, sheet.response.id)).get()!;

describe('finding a sheet by its link', () => {
	it('answers nothing for an unknown, garbled or empty token', () => {
		expect(sheetByToken(db, 'a'.repeat(64))).toBeUndefined();
		expect(sheetByToken(db, token.toUpperCase())).toBeUndefined();
		expect(sheetByToken(db, `${token}x`)).toBeUndefined();
		expect(sheetByToken(db, "' OR 1=1 --")).toBeUndefined();
		expect(sheetByToken(db, '')).toBeUndefined();
	});

	it('records the first opening only', () => {
		markOpened(db, sheet.response.id, new Date('2025-03-06T08:00:00Z'));
		markOpened(db, sheet.response.id, new Date('2025-03-07T08:00:00Z'));
		expect(response().firstOpenedAt?.toISOString()).toBe('2025-03-06T08:00:00.000Z');
	});
});

describe('saving and submitting', () => {
	it('saves a draft without the required answers, then submits and locks the sheet', () => {
		expect(saveSheet(db, sheet, form({ useful_activity: '  Les classes  ' }), false)).toEqual({
			ok: true,
			submitted: false,
			version: 2
		});
		expect(answersOf(db, sheet.response.id)).toEqual({ [`q${q.useful_activity}`]: 'Les classes' });
		expect(response().savedAt).not.toBeNull();
		expect(response().firstOpenedAt).not.toBeNull();

		const missing = saveSheet(db, sheet, form({ objectives: 4 }), true);
		expect(missing).toMatchObject({ ok: false, reason: 'invalid' });
		if (!missing.ok && missing.reason === 'invalid') {
			expect(missing.read.errors).toEqual({ [`q${q.overall}`]: 'required' });
		}
		expect(response().submittedAt).toBeNull();

		const full = form({
			objectives: 4,
			overall: 5,
			follow_up: 1,
			most_useful_part: 2,
			practices: 'Le coin lecture'
		});
		expect(saveSheet(db, sheet, full, true)).toMatchObject({ ok: true, submitted: true });
		expect(answerCount()).toBe(5);
		expect(response().submittedAt).not.toBeNull();

		// A second submission (another tab, a replayed form) is refused and changes nothing.
		expect(saveSheet(db, sheet, form({ objectives: 1, overall: 1 }), true)).toEqual({
			ok: false,
			reason: 'submitted'
		});
		expect(saveSheet(db, sheet, form({ objectives: 1 }), false)).toEqual({
			ok: false,
			reason: 'submitted'
		});
		expect(answersOf(db, sheet.response.id)[`q${q.overall}`]).toBe('5');
	});

	it.each([
		['a rating of 7', { objectives: 7, overall: 3 }, 'objectives', 'rating'],
		['a rating of 0', { objectives: 0, overall: 3 }, 'objectives', 'rating'],
		['a rating that is not a number', { objectives: 'five', overall: 3 }, 'objectives', 'rating'],
		[
			'a choice out of range',
			{ most_useful_part: 4, overall: 3, objectives: 3 },
			'most_useful_part',
			'choice'
		],
		[
			'a negative choice',
			{ most_useful_part: -1, overall: 3, objectives: 3 },
			'most_useful_part',
			'choice'
		],
		['yes/no answered 2', { follow_up: 2, overall: 3, objectives: 3 }, 'follow_up', 'yes_no'],
		[
			'a 50 000-character answer',
			{ difficulties: 'x'.repeat(50_000), overall: 3, objectives: 3 },
			'difficulties',
			'too_long'
		],
		[
			'a 5 001-character answer',
			{ difficulties: 'x'.repeat(5_001), overall: 3, objectives: 3 },
			'difficulties',
			'too_long'
		]
	])('%s: a clear error, input kept, nothing written', (_name, answers, code, error) => {
		for (const submit of [false, true]) {
			const result = saveSheet(db, sheet, form(answers), submit);
			expect(result.ok).toBe(false);
			if (!result.ok && result.reason === 'invalid') {
				expect(result.read.errors).toEqual({ [`q${q[code]}`]: error });
				expect(result.read.values[`q${q[code]}`]).toBe(
					String(answers[code as keyof typeof answers])
				);
			}
			expect(answerCount()).toBe(0);
			expect(response().savedAt).toBeNull();
		}
	});

	it('accepts exactly 5 000 characters', () => {
		expect(saveSheet(db, sheet, form({ difficulties: 'é'.repeat(5_000) }), false).ok).toBe(true);
	});

	it("refuses answers to another template's questions, writing nothing", () => {
		const staff = addUser(db, 'staff@partage.test');
		const v2 = saveTemplate(db, staff, draftOf(currentTemplate(db)));
		expect(v2).toBe(2);
		const other = currentTemplate(db).questions[0].id;
		expect(templateById(db, sheet.templateId)?.version).toBe(1);
		const f = form({ overall: 4, objectives: 4 });
		f.set(`q${other}`, '3');
		const result = saveSheet(db, sheet, f, true);
		expect(result).toMatchObject({ ok: false, reason: 'invalid', read: { foreign: true } });
		expect(answerCount()).toBe(0);
		expect(response().submittedAt).toBeNull();
	});
});
