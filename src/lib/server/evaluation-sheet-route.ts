// What the two doors to a sheet share: the private link (/e/{token}, no account) and a signed-in
// person's own sheet (/visits/{id}/evaluation/sheet). The page data is already in the reader's
// language: the component receives strings, never a template row.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { DB } from './db';
import { answersOf, saveSheet, type AnswerError, type Sheet } from './evaluation-sheet';
import { choiceLabels, questionText, templateQuestions } from './evaluation-template';
import type { Locale, QuestionKind } from '$lib/enums';

export type SheetQuestion = {
	id: number;
	kind: QuestionKind;
	required: boolean;
	text: string;
	options: string[];
};

export function sheetPageData(db: DB, sheet: Sheet, locale: Locale) {
	return {
		visit: sheet.visit,
		respondent: sheet.response.respondentName,
		organisation: sheet.organisation,
		anonymous: sheet.anonymous,
		submittedAt: sheet.response.submittedAt,
		questions: templateQuestions(db, sheet.templateId).map((q): SheetQuestion => ({
			id: q.id,
			kind: q.kind,
			required: q.required,
			text: questionText(q, locale),
			options: choiceLabels(q, locale)
		})),
		answers: answersOf(db, sheet.response.id)
	};
}

export type SheetFailure = {
	values?: Record<string, string>;
	errors?: Record<string, AnswerError>;
	foreign?: boolean;
	refused?: boolean;
};

/** Saves (draft) or submits the sheet from the posted form. */
export async function sheetAction(
	db: DB,
	sheet: Sheet,
	request: Request,
	submit: boolean
): Promise<ActionFailure<SheetFailure> | { saved: true; submitted: boolean }> {
	const result = saveSheet(db, sheet, await request.formData(), submit);
	if (result.ok) return { saved: true, submitted: result.submitted };
	if (result.reason === 'submitted') return fail(409, { refused: true });
	const { values, errors, foreign } = result.read;
	return fail(400, { values, errors, foreign });
}
