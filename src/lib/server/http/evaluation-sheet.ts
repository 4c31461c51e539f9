// What the two doors to a sheet share: the private link (/e/{token}, no account) and a signed-in
// person's own sheet (/visits/{id}/evaluation/sheet). The page data is already in the reader's
// language: the component receives strings, never a template row.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { DB } from '../db';
import {
	answersOf,
	saveSheet,
	sheetByToken,
	type AnswerError,
	type Sheet
} from '../evaluations/sheet';
import { checkThrottle, recordFailure } from '../accounts/throttle';
import { choiceLabels, questionText, templateQuestions } from '../evaluations/template';
import type { Locale, QuestionKind } from '$lib/enums';

export type SheetQuestion = {
	id: number;
	kind: QuestionKind;
	required: boolean;
	text: string;
	options: string[];
};

export type LinkOutcome =
	| { sheet: Sheet }
	| { refused: true; retryAfterSeconds: number }
	| { notFound: true; delayMs: number };

/**
 * What a private link opens. Unknown, garbled, replaced and expired links are one "not found",
 * held back longer after a few from the same address, then refused (429) for a while. A valid
 * link always opens: behind a proxy many guests may share one address, and wrong links from any
 * of them must not lock the others out.
 */
export function openLink(db: DB, token: string, address: string, now = new Date()): LinkOutcome {
	const sheet = sheetByToken(db, token, now);
	if (sheet) return { sheet };
	const key = `evaluation-link|${address}`;
	const throttle = checkThrottle(db, key, now.getTime());
	if (throttle.blocked) return { refused: true, retryAfterSeconds: throttle.retryAfterSeconds };
	return { notFound: true, delayMs: recordFailure(db, key, now.getTime()) };
}

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
