import { z } from 'zod';

// Schemas carry error *codes*; the page turns a code into words in the reader's language
// (see $lib/i18n/errors), so one schema serves every locale.
export const ERROR_CODES = [
	'required',
	'invalid_email',
	'too_long',
	'too_short',
	'mismatch',
	'wrong_password',
	'invalid_time_zone',
	'email_taken',
	'taken',
	'invalid_date',
	'end_before_start',
	'same_organisation',
	'stale',
	'invalid_time',
	'invalid',
	'invalid_datetime',
	'departure_before_arrival',
	'not_member',
	'overlap',
	'day_full',
	'one_line',
	'control_characters',
	/** Not wrong, but asked first: a date that has passed (see "save anyway"). */
	'past_date'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * "Too long" says the limit and how much was typed, so the person knows how much to cut; `kept`
 * is set when the text was so long that only its first `kept` characters came back in the form.
 */
export type TooLong = { code: 'too_long'; max: number; typed: number; kept?: number };
export type FieldError = ErrorCode | TooLong;
export type FieldErrors<K extends string = string> = Partial<Record<K, FieldError>>;

const isCode = (v: string): v is ErrorCode => (ERROR_CODES as readonly string[]).includes(v);

/** The first error per field, in a shape that survives `fail()` serialisation. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
	const out: Record<string, FieldError> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? '');
		if (!key || out[key]) continue;
		// The input is there when the schema was run with `reportInput` (see parseFields).
		if (issue.code === 'too_big' && issue.message === 'too_long' && issue.origin === 'string') {
			const typed = typeof issue.input === 'string' ? issue.input.length : undefined;
			if (typed !== undefined) {
				out[key] = { code: 'too_long', max: Number(issue.maximum), typed };
				continue;
			}
		}
		out[key] = isCode(issue.message) ? issue.message : 'invalid';
	}
	return out as FieldErrors<K>;
}

/** The code of a field error, whatever its shape. */
export const errorCode = (error: FieldError | undefined) =>
	typeof error === 'object' ? error.code : error;

/** A schema run on form values: the data, or the errors per field ("too long" with its counts). */
export function parseFields<S extends z.ZodType>(
	schema: S,
	values: unknown
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
	const parsed = schema.safeParse(values, { reportInput: true });
	return parsed.success
		? { ok: true, data: parsed.data }
		: { ok: false, errors: fieldErrors(parsed.error) };
}

/**
 * A text field as typed, trimmed, without NUL characters: SQLite's length() stops at the first
 * NUL, so "\u0000x" would pass as filled here and fail the database's not-blank checks (a 500).
 * Missing or not a string reads as empty, so the schema reports "required".
 */
export const cleanText = (v: unknown) =>
	typeof v === 'string' ? v.replace(/\u0000/g, '').trim() : '';

/**
 * Control characters: C0, DEL and C1, and the Unicode line and paragraph separators. A one-line
 * value (a title, a name, a place) has none: it ends up in e-mail subjects, calendar files and
 * CSV cells, where a line break starts a new header, property or row.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A multi-line text keeps its line breaks and tabs, nothing else invisible. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const isOneLine = (v: string) => !CONTROL.test(v);
export const isCleanText = (v: string) => !CONTROL_IN_TEXT.test(v);

const line = (max: number) => z.string().max(max, 'too_long').refine(isOneLine, 'one_line');
const paragraphs = (max: number) =>
	z.string().max(max, 'too_long').refine(isCleanText, 'control_characters');

/** A required one-line text: a title, a name, a place. */
export const formText = (max: number) =>
	z.preprocess(cleanText, z.string().min(1, 'required').pipe(line(max)));

/** An optional one-line text ('' when left empty). */
export const lineText = (max: number) => z.preprocess(cleanText, line(max));

/** An optional multi-line text: objectives, notes, a lesson's observations. */
export const longText = (max: number) => z.preprocess(cleanText, paragraphs(max));

/** A required multi-line text (a reason that must be given). */
export const requiredLongText = (max: number) =>
	z.preprocess(cleanText, z.string().min(1, 'required').pipe(paragraphs(max)));

/** A local path to go back to after a form, never another site ("//evil.example", "https:"). */
export function safeRedirect(value: unknown, fallback: string): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//'))
		return fallback;
	if (value.includes('\\') || /[\u0000-\u001f]/.test(value)) return fallback;
	return value;
}

/** A record id from a form or URL, or null for anything that is not a positive integer. */
export function positiveId(value: unknown): number | null {
	if (typeof value !== 'string' || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
	const id = Number(value);
	return Number.isSafeInteger(id) ? id : null;
}
