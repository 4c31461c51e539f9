// One person's evaluation sheet: found by its private link (or by its account), read, saved as a
// draft, submitted. Answers are checked against the questions of the template the evaluation was
// opened with; any bad answer writes nothing and comes back with the input as typed.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import {
	evaluationAnswers,
	evaluationResponses,
	evaluations,
	organisations,
	visits
} from '../db/schema';
import { ANSWER_TEXT_MAX } from '../db/schema/evaluations';
import { sessionIdFromToken } from '../accounts/sessions';
import { RATING_MAX, RATING_MIN, templateQuestions, type Question } from './template';

/** The shape of a link's token (two base32 session tokens); anything else is not looked up. */
export const TOKEN_PATTERN = /^[a-z2-7]{64}$/;

const sheetColumns = {
	response: evaluationResponses,
	templateId: evaluations.templateId,
	anonymous: evaluations.anonymous,
	visit: {
		id: visits.id,
		title: visits.title,
		startsOn: visits.startsOn,
		endsOn: visits.endsOn
	},
	organisation: organisations.shortName
};

function sheetQuery(db: DB) {
	return db
		.select(sheetColumns)
		.from(evaluationResponses)
		.innerJoin(evaluations, eq(evaluationResponses.evaluationId, evaluations.id))
		.innerJoin(visits, eq(evaluations.visitId, visits.id))
		.innerJoin(organisations, eq(evaluationResponses.organisationId, organisations.id));
}

export type Sheet = NonNullable<ReturnType<typeof sheetByToken>>;

/** The sheet of a link; unknown, garbled, replaced and expired links are all simply absent. */
export function sheetByToken(db: DB, token: string, now = new Date()) {
	if (!TOKEN_PATTERN.test(token)) return undefined;
	return sheetQuery(db)
		.where(
			and(
				eq(evaluationResponses.tokenHash, sessionIdFromToken(token)),
				gt(evaluationResponses.tokenExpiresAt, now)
			)
		)
		.get();
}

/** A signed-in person's own sheet on a visit. */
export function sheetOfUser(db: DB, visitId: number, userId: number) {
	return sheetQuery(db)
		.where(and(eq(evaluations.visitId, visitId), eq(evaluationResponses.userId, userId)))
		.get();
}

/** Notes the first time the person looked at their sheet (later views change nothing). */
export function markOpened(db: DB, responseId: number, now = new Date()) {
	db.update(evaluationResponses)
		.set({ firstOpenedAt: now })
		.where(and(eq(evaluationResponses.id, responseId), isNull(evaluationResponses.firstOpenedAt)))
		.run();
}

export function answersOf(db: Tx, responseId: number): Record<string, string> {
	const rows = db
		.select()
		.from(evaluationAnswers)
		.where(eq(evaluationAnswers.responseId, responseId))
		.all();
	return Object.fromEntries(rows.map((a) => [`q${a.questionId}`, a.text ?? String(a.value)]));
}

export type AnswerError = 'required' | 'rating' | 'choice' | 'yes_no' | 'too_long';
export type Answer = { questionId: number; value: number | null; text: string | null };
export type ReadAnswers = {
	/** The input as typed, keyed `q{id}`, to show again. */
	values: Record<string, string>;
	errors: Record<string, AnswerError>;
	/** Answers to questions that are not on this sheet (another template's): nothing is kept. */
	foreign: boolean;
	answers: Answer[];
};

/** Reads answers from a form (`q{id}` fields); `submit` also checks the required questions. */
export function readAnswers(questions: Question[], form: FormData, submit: boolean): ReadAnswers {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const values: Record<string, string> = {};
	const errors: Record<string, AnswerError> = {};
	const answers: Answer[] = [];
	let foreign = false;
	for (const [key, raw] of form.entries()) {
		if (!/^q\d+$/.test(key)) continue;
		if (!byId.has(Number(key.slice(1)))) foreign = true;
		if (typeof raw === 'string') values[key] = raw;
	}
	for (const q of questions) {
		const key = `q${q.id}`;
		const raw = values[key] ?? '';
		const text = q.kind === 'text' ? raw.trim() : raw;
		if (!text) {
			if (submit && q.required) errors[key] = 'required';
			continue;
		}
		if (q.kind === 'text') {
			if (text.length > ANSWER_TEXT_MAX) errors[key] = 'too_long';
			else answers.push({ questionId: q.id, value: null, text });
			continue;
		}
		const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
		const max =
			q.kind === 'rating' ? RATING_MAX : q.kind === 'yes_no' ? 1 : (q.choices?.length ?? 0) - 1;
		const min = q.kind === 'rating' ? RATING_MIN : 0;
		if (!(n >= min && n <= max)) errors[key] = q.kind;
		else answers.push({ questionId: q.id, value: n, text: null });
	}
	return { values, errors, foreign, answers };
}

export type SaveResult =
	| { ok: true; submitted: boolean; version: number }
	| { ok: false; reason: 'invalid'; read: ReadAnswers }
	| { ok: false; reason: 'submitted' }
	/** Saved elsewhere since the form was opened: nothing written; the server's side to compare. */
	| {
			ok: false;
			reason: 'stale';
			version: number;
			theirs: Record<string, string>;
			read: ReadAnswers;
	  };

/**
 * Saves the sheet as a draft or submits it. The guarded UPDATE (… WHERE submitted_at IS NULL)
 * runs first in the transaction: a sheet submitted meanwhile, even by a second tab, is refused.
 * `expected` is the version the form was opened at (none: not checked); a sheet saved since, on
 * another device or from a queue, is a conflict the person settles, never a silent overwrite.
 */
export function saveSheet(
	db: Tx,
	sheet: Pick<Sheet, 'response' | 'templateId'>,
	form: FormData,
	submit: boolean,
	now = new Date(),
	expected: number | null = null
): SaveResult {
	// A locked sheet says so first, whatever the replayed form holds.
	if (sheet.response.submittedAt) return { ok: false, reason: 'submitted' };
	const read = readAnswers(templateQuestions(db, sheet.templateId), form, submit);
	if (read.foreign || Object.keys(read.errors).length)
		return { ok: false, reason: 'invalid', read };
	const id = sheet.response.id;
	return db.transaction(
		(tx): SaveResult => {
			const open = tx
				.update(evaluationResponses)
				.set({
					savedAt: now,
					firstOpenedAt: sql`coalesce(${evaluationResponses.firstOpenedAt}, ${now.getTime()})`,
					version: sql`${evaluationResponses.version} + 1`,
					...(submit ? { submittedAt: now } : {})
				})
				.where(
					and(
						eq(evaluationResponses.id, id),
						isNull(evaluationResponses.submittedAt),
						expected === null ? undefined : eq(evaluationResponses.version, expected)
					)
				)
				.returning({ version: evaluationResponses.version })
				.get();
			if (!open) {
				const row = tx
					.select({
						version: evaluationResponses.version,
						submittedAt: evaluationResponses.submittedAt
					})
					.from(evaluationResponses)
					.where(eq(evaluationResponses.id, id))
					.get();
				if (!row || row.submittedAt) return { ok: false, reason: 'submitted' };
				return {
					ok: false,
					reason: 'stale',
					version: row.version,
					theirs: answersOf(tx, id),
					read
				};
			}
			tx.delete(evaluationAnswers).where(eq(evaluationAnswers.responseId, id)).run();
			for (const a of read.answers)
				tx.insert(evaluationAnswers)
					.values({ responseId: id, ...a })
					.run();
			return { ok: true, submitted: submit, version: open.version };
		},
		{ behavior: 'immediate' }
	);
}
