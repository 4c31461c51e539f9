import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { evaluations } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { currentTemplate, templateById } from './template';
import {
	applyEdit,
	blankQuestion,
	checkDraft,
	draftOf,
	readDraft,
	saveTemplate,
	templateVersions,
	type DraftQuestion
} from './template-editor';

let db: DB;
let staff = 0;

beforeEach(() => {
	db = createTestDb();
	staff = addUser(db, 'staff@partage.test');
});

const texts = (s: string) => ({ fr: `${s} fr`, en: `${s} en`, es: `${s} es`, ar: `${s} ar` });
const question = (over: Partial<DraftQuestion> = {}): DraftQuestion => ({
	...blankQuestion(),
	text: texts('Q'),
	...over
});

describe('editing the draft', () => {
	it('adds, removes and moves questions', () => {
		const a = question({ text: texts('A') });
		const b = question({ text: texts('B') });
		expect(applyEdit([a], 'add')).toHaveLength(2);
		expect(applyEdit([a, b], 'down:0')).toEqual([b, a]);
		expect(applyEdit([a, b], 'up:1')).toEqual([b, a]);
		expect(applyEdit([a, b], 'up:0')).toEqual([a, b]);
		expect(applyEdit([a, b], 'down:1')).toEqual([a, b]);
		expect(applyEdit([a, b], 'remove:0')).toEqual([b]);
		expect(applyEdit([a, b], 'remove:9')).toEqual([a, b]);
		expect(applyEdit([a, b], 'remove:x')).toEqual([a, b]);
	});

	it('reads the form fields of each question', () => {
		const f = new FormData();
		f.set('count', '1');
		f.set('q0.kind', 'choice');
		f.set('q0.required', 'on');
		for (const l of ['fr', 'en', 'es', 'ar']) {
			f.set(`q0.${l}`, `Texte ${l}`);
			f.set(`q0.choices_${l}`, `un ${l}\ndeux ${l}\n\n`);
		}
		const [q] = readDraft(f);
		expect(q).toMatchObject({ kind: 'choice', required: true, text: { ar: 'Texte ar' } });
		expect(checkDraft([q])).toEqual({ errors: {}, problem: null });
		f.set('q0.kind', 'drop table');
		expect(readDraft(f)[0].kind).toBe('text');
	});

	it('wants four texts, two options per language for a choice, and one question', () => {
		const q = question({ kind: 'choice', text: { ...texts('Q'), ar: '  ' } });
		q.choices = { fr: 'a\nb\nc', en: 'a\nb\nc', es: 'a', ar: 'a\nb' };
		expect(checkDraft([q]).errors).toEqual({
			'q0.ar': 'required',
			'q0.choices_es': 'choices_min',
			'q0.choices_ar': 'choices_mismatch'
		});
		expect(checkDraft([]).problem).toBe('empty');
		expect(checkDraft([question({ text: { ...texts('Q'), fr: 'x'.repeat(501) } })]).errors).toEqual(
			{
				'q0.fr': 'too_long'
			}
		);
	});
});

describe('saving a version', () => {
	it('writes a new version; an evaluation opened before keeps its questions', () => {
		const org = addOrganisation(db, 'DT');
		const visitId = addVisit(db, {
			status: 'completed',
			startsOn: '2025-01-01',
			endsOn: '2025-01-02',
			timeZone: 'UTC',
			organisations: [[org, 'host']]
		});
		const v1 = currentTemplate(db);
		db.insert(evaluations).values({ visitId, templateId: v1.id }).run();
		const draft = applyEdit(draftOf(v1), 'remove:1');
		draft.push(
			question({ kind: 'choice', choices: { fr: 'a\nb', en: 'a\nb', es: 'a\nb', ar: 'أ\nب' } })
		);
		expect(saveTemplate(db, staff, draft)).toBe(2);
		const v2 = currentTemplate(db);
		expect(v2.version).toBe(2);
		expect(v2.questions).toHaveLength(8);
		expect(v2.questions.at(-1)?.choices).toEqual([
			{ fr: 'a', en: 'a', es: 'a', ar: 'أ' },
			{ fr: 'b', en: 'b', es: 'b', ar: 'ب' }
		]);
		// Codes follow their question into the new version: `overall` stays comparable.
		expect(v2.questions.find((q) => q.code === 'overall')?.kind).toBe('rating');
		expect(templateById(db, v1.id)?.questions).toHaveLength(8);
		expect(templateById(db, v1.id)?.questions[1].code).toBe('useful_activity');
		expect(templateVersions(db).map((v) => [v.version, v.questions, v.evaluations])).toEqual([
			[2, 8, 0],
			[1, 8, 1]
		]);
	});
});
