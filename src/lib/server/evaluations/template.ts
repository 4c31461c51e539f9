import { asc, desc, eq } from 'drizzle-orm';
import type { Locale, QuestionKind } from '$lib/enums';
import type { Tx } from '../db';
import { evaluationQuestions, evaluationTemplates } from '../db/schema';

export type ChoiceOption = Record<Locale, string>;
export type Question = typeof evaluationQuestions.$inferSelect;
export type Template = typeof evaluationTemplates.$inferSelect & { questions: Question[] };

/** The questions of one template version, in the order the sheet shows them. */
export function templateQuestions(db: Tx, templateId: number): Question[] {
	return db
		.select()
		.from(evaluationQuestions)
		.where(eq(evaluationQuestions.templateId, templateId))
		.orderBy(asc(evaluationQuestions.position))
		.all();
}

/** The latest version of the network's template, the one new evaluations are opened with. */
export function currentTemplate(db: Tx): Template {
	const template = db
		.select()
		.from(evaluationTemplates)
		.orderBy(desc(evaluationTemplates.version))
		.limit(1)
		.get();
	// Migration 0010 ships version 1, so a database without a template is a broken install.
	if (!template) throw new Error('No evaluation template: migration 0010 has not run.');
	return { ...template, questions: templateQuestions(db, template.id) };
}

export function templateById(db: Tx, templateId: number): Template | undefined {
	const template = db
		.select()
		.from(evaluationTemplates)
		.where(eq(evaluationTemplates.id, templateId))
		.get();
	return template && { ...template, questions: templateQuestions(db, template.id) };
}

const TEXT_COLUMN = { fr: 'textFr', en: 'textEn', es: 'textEs', ar: 'textAr' } as const;

export function questionText(
	q: Pick<Question, 'textFr' | 'textEn' | 'textEs' | 'textAr'>,
	locale: Locale
): string {
	return q[TEXT_COLUMN[locale]] || q.textFr;
}

/** The options of a choice question in one language (index = stored answer value). */
export function choiceLabels(q: { choices: ChoiceOption[] | null }, locale: Locale): string[] {
	return (q.choices ?? []).map((c) => c[locale] || c.fr);
}

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export type { QuestionKind };
