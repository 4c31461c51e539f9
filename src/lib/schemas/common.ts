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
	'day_full'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldErrors<K extends string = string> = Partial<Record<K, ErrorCode>>;

/** The first error code per field, in a shape that survives `fail()` serialisation. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
	const out: Record<string, ErrorCode> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? '');
		if (key && !out[key]) {
			out[key] = (ERROR_CODES as readonly string[]).includes(issue.message)
				? (issue.message as ErrorCode)
				: 'invalid';
		}
	}
	return out as FieldErrors<K>;
}

/** A form text value: missing or not a string reads as empty, so the schema reports "required". */
/**
 * A text field as typed, trimmed, without NUL characters: SQLite's length() stops at the first
 * NUL, so "\u0000x" would pass as filled here and fail the database's not-blank checks (a 500).
 */
export const cleanText = (v: unknown) =>
	typeof v === 'string' ? v.replace(/\u0000/g, '').trim() : '';

export const formText = (max: number) =>
	z.preprocess(cleanText, z.string().min(1, 'required').max(max, 'too_long'));

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
