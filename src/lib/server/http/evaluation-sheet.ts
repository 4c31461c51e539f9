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
import { newKey, once, readFormMeta, type KeyOwner } from './idempotency';

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
		answers: answersOf(db, sheet.response.id),
		/** The version the form is opened at, and a key that makes its sending happen once. */
		version: sheet.response.version,
		key: newKey()
	};
}

export type SheetFailure = {
	values?: Record<string, string>;
	errors?: Record<string, AnswerError>;
	foreign?: boolean;
	refused?: boolean;
	/** A hidden field was garbled or its key was already used for something else. */
	badMeta?: boolean;
	/** Saved elsewhere meanwhile: the server's answers, and the version to send "keep mine" at. */
	conflict?: { version: number; theirs: Record<string, string> };
};

/**
 * Saves (draft) or submits the sheet from the posted form, once per `_key`: a queued sheet sent
 * again after a lost answer gets the first answer back. `owner` scopes the key (the signed-in
 * person, or the private link's sheet).
 */
export async function sheetAction(
	db: DB,
	sheet: Sheet,
	request: Request,
	submit: boolean,
	owner: KeyOwner
): Promise<ActionFailure<SheetFailure> | { saved: true; submitted: boolean; version: number }> {
	const form = await request.formData();
	const meta = readFormMeta(form);
	if (!meta.ok) return fail(400, { badMeta: true, values: typedValues(form) });
	const done = once(
		db,
		{ owner, key: meta.key, what: `evaluation.sheet:${sheet.response.id}` },
		(tx) => saveSheet(tx, sheet, form, submit, new Date(), meta.version),
		(r) => r.ok
	);
	if (!done.ok) return fail(400, { badMeta: true, values: typedValues(form) });
	const result = done.result;
	if (result.ok) return { saved: true, submitted: result.submitted, version: result.version };
	if (result.reason === 'submitted') return fail(409, { refused: true });
	const { values, errors, foreign } = result.read;
	if (result.reason === 'stale')
		return fail(409, { values, conflict: { version: result.version, theirs: result.theirs } });
	return fail(400, { values, errors, foreign });
}

/** The answers as typed, to show again when the form itself is refused. */
function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (/^q\d+$/.test(k) && typeof v === 'string') values[k] = v;
	return values;
}
