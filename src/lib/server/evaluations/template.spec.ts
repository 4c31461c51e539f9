import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { choiceLabels, currentTemplate, questionText } from './template';

describe('default evaluation template', () => {
	it('ships version 1 with ordered questions in four languages', () => {
		const t = currentTemplate(createTestDb());
		expect(t.version).toBe(1);
		expect(t.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(t.questions.map((q) => q.kind)).toEqual([
			'rating',
			'text',
			'text',
			'text',
			'text',
			'yes_no',
			'choice',
			'rating'
		]);
		const overall = t.questions.find((q) => q.code === 'overall')!;
		expect(overall.required).toBe(true);
		expect(t.questions.find((q) => q.code === 'objectives')?.required).toBe(true);
		expect(t.questions.find((q) => q.code === 'follow_up')?.kind).toBe('yes_no');
		for (const q of t.questions)
			for (const l of ['fr', 'en', 'es', 'ar'] as const) expect(questionText(q, l)).not.toBe('');
		expect(questionText(overall, 'en')).toBe('What overall rating do you give this visit?');
		expect(questionText(overall, 'ar')).toMatch(/تقييم/);
		const choice = t.questions.find((q) => q.kind === 'choice')!;
		expect(choiceLabels(choice, 'es')).toHaveLength(4);
		expect(choiceLabels(choice, 'fr')[0]).toBe("Les observations de classes et d'activités");
	});
});
