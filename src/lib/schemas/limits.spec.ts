// The limits the browser shows (maxlength, min, max) are the ones the server checks: each form is
// rendered, and every limit found in its markup is tried on its schema, at the limit and past it.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { z } from 'zod';
import VisitDetailsFields from '$lib/components/visits/visit-details-fields.svelte';
import SessionFields from '$lib/components/agenda/session-fields.svelte';
import DelegateForm from '$lib/components/delegation/delegate-form.svelte';
import OrganisationForm from '$lib/components/admin/organisation-form.svelte';
import ActionFields from '$lib/components/actions/action-fields.svelte';
import { ANSWER_TEXT_MAX } from '$lib/server/db/schema/evaluations';
import { visitDetails } from './visit';
import { sessionSchema } from './agenda';
import { delegateSchema } from './delegate';
import { organisationSchema } from './admin';
import { actionSchema } from './lesson';
import { errorCode } from './common';
import { LIMITS } from './limits';

type Limits = Record<string, { maxlength?: number; min?: number; max?: number }>;

/** name → its limits, read from the rendered inputs and text boxes. */
function limitsIn(html: string): Limits {
	const out: Limits = {};
	for (const [tag] of html.matchAll(/<(input|textarea)\b[^>]*>/g)) {
		const get = (a: string) => new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1];
		const name = get('name');
		// Text limits travel as data-maxlength (a real maxlength would cut a paste silently).
		const read = (a: string) => get(a === 'maxlength' ? 'data-maxlength' : a);
		const found = ['maxlength', 'min', 'max'].filter((a) => read(a) !== undefined);
		if (!name || !found.length) continue;
		out[name] = Object.fromEntries(found.map((a) => [a, Number(read(a))]));
	}
	return out;
}

const fieldError = (schema: z.ZodObject, name: string, value: unknown) => {
	const parsed = schema.shape[name].safeParse(value);
	return parsed.success ? undefined : errorCode(parsed.error.issues[0].message as never);
};

const FORMS: [string, () => string, z.ZodObject][] = [
	[
		'visit details',
		() =>
			render(VisitDetailsFields, {
				props: { values: {}, errors: {}, themes: [], zones: [], timeZoneHint: '' }
			}).body,
		visitDetails
	],
	[
		'agenda session',
		() =>
			render(SessionFields, {
				props: { prefix: 'add', values: {}, errors: {}, organisations: [], zone: 'UTC' }
			}).body,
		sessionSchema
	],
	[
		'delegate',
		() =>
			render(DelegateForm, {
				props: {
					action: '?/add',
					values: {},
					errors: {},
					members: [],
					timeZone: 'UTC',
					submitLabel: 'OK',
					idPrefix: 'd'
				}
			}).body,
		delegateSchema
	],
	[
		'organisation',
		() =>
			render(OrganisationForm, { props: { values: {}, errors: {}, zones: [], submitLabel: 'OK' } })
				.body,
		organisationSchema
	],
	[
		'action',
		() =>
			render(ActionFields, {
				props: { values: {}, errors: {}, owners: [], people: [], lessons: [] }
			}).body,
		actionSchema
	]
];

describe.each(FORMS)('the %s form', (_, html, schema) => {
	const limits = limitsIn(html());

	it('shows limits in its markup', () => {
		expect(Object.keys(limits).length).toBeGreaterThan(0);
	});

	it.each(Object.entries(limits))(
		'checks %s as its markup says',
		(name, { maxlength, min, max }) => {
			if (maxlength) {
				expect(fieldError(schema, name, 'é'.repeat(maxlength))).not.toBe('too_long');
				expect(fieldError(schema, name, 'é'.repeat(maxlength + 1))).toBe('too_long');
			}
			if (min !== undefined) expect(fieldError(schema, name, String(min - 1))).toBe('invalid');
			if (max !== undefined) {
				expect(fieldError(schema, name, String(max))).toBeUndefined();
				expect(fieldError(schema, name, String(max + 1))).toBe('invalid');
			}
		}
	);
});

it('an evaluation answer is as long in the form as in the database', () => {
	expect(LIMITS.evaluation.answer).toBe(ANSWER_TEXT_MAX);
});
