// Reading a form the one way every action does: the posted fields → the schema → either the data,
// or `fail(400, { values, errors })` with what was typed kept to refill the form (no JavaScript
// needed) and an error beside each field. Nothing is ever cut to fit: a text over its limit is a
// "too long" error that says the limit and how much was typed, and the text comes back whole.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseFields, type FieldErrors } from '$lib/schemas/common';
import { KEPT_MAX } from '$lib/schemas/limits';

/** Choices (checkboxes, multiple selects) kept for the refill: ids, never long. */
const LIST_KEPT_MAX = 1000;
const ITEM_KEPT_MAX = 100;

export type FormValues<K extends string = string, L extends string = never> = Record<K, string> &
	Record<L, string[]>;

type Fields<K extends string, L extends string> = {
	/** One-value fields, read as text ('' when missing or a file). */
	keep: readonly K[];
	/** Many-value fields (checkboxes, multiple selects). */
	lists?: readonly L[];
};

/** The posted fields as sent, for the schema: nothing trimmed, nothing cut. */
export function formValues<K extends string, L extends string = never>(
	form: FormData,
	{ keep, lists = [] }: Fields<K, L>
): FormValues<K, L> {
	const values: Record<string, string | string[]> = {};
	for (const key of keep) {
		const v = form.get(key);
		values[key] = typeof v === 'string' ? v : '';
	}
	for (const key of lists) {
		values[key] = form.getAll(key).filter((v): v is string => typeof v === 'string');
	}
	return values as FormValues<K, L>;
}

/**
 * The values to send back with an error. A text longer than KEPT_MAX (100 000 characters, far
 * over any field's limit) is the one thing cut, so a 10 MB post is not echoed whole; its "too
 * long" error then says how much of it the form shows.
 */
export function refill<V extends Record<string, string | string[]>>(
	values: V,
	errors: FieldErrors = {}
): { values: V; errors: FieldErrors } {
	const kept: Record<string, string | string[]> = {};
	const marked: FieldErrors = { ...errors };
	for (const [key, v] of Object.entries(values)) {
		if (Array.isArray(v)) {
			kept[key] = v.slice(0, LIST_KEPT_MAX).map((item) => item.slice(0, ITEM_KEPT_MAX));
			continue;
		}
		kept[key] = v.length > KEPT_MAX ? v.slice(0, KEPT_MAX) : v;
		const error = marked[key];
		if (v.length > KEPT_MAX && typeof error === 'object') {
			marked[key] = { ...error, kept: KEPT_MAX };
		}
	}
	return { values: kept as V, errors: marked };
}

export type FormRead<T, V> =
	| { ok: true; data: T; values: V; form: FormData }
	| {
			ok: false;
			values: V;
			errors: FieldErrors;
			form: FormData;
			/** `fail(400, { values, errors })`, the shape the forms read. */
			failure: ActionFailure<{ values: V; errors: FieldErrors }>;
	  };

/**
 * Reads a request (or its already-read form data) against a schema. `values` is always the
 * refill copy; the schema sees the full text, so "you typed 150 000" is the true count.
 */
export async function readForm<S extends z.ZodType, K extends string, L extends string = never>(
	source: Request | FormData,
	schema: S,
	fields: Fields<K, L>
): Promise<FormRead<z.output<S>, FormValues<K, L>>> {
	const form = source instanceof FormData ? source : await source.formData();
	return checkForm(form, schema, fields);
}

/** readForm for form data already in hand (no await: the caller's checks and write stay atomic). */
export function checkForm<S extends z.ZodType, K extends string, L extends string = never>(
	form: FormData,
	schema: S,
	fields: Fields<K, L>
): FormRead<z.output<S>, FormValues<K, L>> {
	const full = formValues(form, fields);
	const parsed = parseFields(schema, full);
	if (parsed.ok) return { ok: true, data: parsed.data, values: refill(full).values, form };
	const { values, errors } = refill(full, parsed.errors);
	return { ok: false, values, errors, form, failure: fail(400, { values, errors }) };
}
