import { describe, expect, it } from 'vitest';
import { checkForm, readForm, refill } from './forms';
import { visitDetailsSchema } from '$lib/schemas/visit';
import { KEPT_MAX, LIMITS } from '$lib/schemas/limits';
import { errorText } from '$lib/i18n/errors';

const KEEP = ['title', 'objectives', 'startsOn', 'endsOn', 'timeZone', 'place'] as const;
const fields = { keep: KEEP, lists: ['languages', 'themeIds'] as const };

function post(entries: [string, string][]) {
	const body = new FormData();
	for (const [k, v] of entries) body.append(k, v);
	return new Request('http://localhost/visits/new', { method: 'POST', body });
}

const good: [string, string][] = [
	['title', '  Atelier  '],
	['objectives', 'Voir\r\nApprendre'],
	['startsOn', '2027-01-04'],
	['endsOn', '2027-01-05'],
	['timeZone', 'Africa/Ouagadougou'],
	['languages', 'fr'],
	['languages', 'en']
];

describe('readForm', () => {
	it('gives the checked data, and the values as typed', async () => {
		const read = await readForm(post(good), visitDetailsSchema, fields);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.data.title).toBe('Atelier');
		expect(read.data.objectives).toBe('Voir\r\nApprendre');
		expect(read.data.languages).toEqual(['fr', 'en']);
		expect(read.values).toMatchObject({ title: '  Atelier  ', place: '', themeIds: [] });
	});

	it('fails with fail(400, { values, errors }): the whole text kept, the error with its counts', async () => {
		const title = 'Titre '.repeat(1000);
		const entries = good.map(([k, v]): [string, string] => [k, k === 'title' ? title : v]);
		const read = await readForm(
			post([...entries, ['place', 'Ouaga\nBobo']]),
			visitDetailsSchema,
			fields
		);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.values.title).toBe(title);
		expect(read.errors).toEqual({
			title: { code: 'too_long', max: LIMITS.visit.title, typed: title.trim().length },
			place: 'one_line'
		});
		expect(read.failure.status).toBe(400);
		expect(read.failure.data).toEqual({ values: read.values, errors: read.errors });
	});

	it('reads form data already in hand, and treats a file or a missing field as empty', () => {
		const form = new FormData();
		form.set('title', new File(['x'], 'x.txt'));
		const read = checkForm(form, visitDetailsSchema, fields);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.values.title).toBe('');
		expect(read.errors.title).toBe('required');
		expect(read.errors.startsOn).toBe('required');
	});
});

describe('refill', () => {
	it('sends back up to 100 000 characters, and says so when it kept fewer than were typed', async () => {
		const huge = 'a'.repeat(KEPT_MAX + 5);
		const entries = good.map(([k, v]): [string, string] => [k, k === 'objectives' ? huge : v]);
		const read = await readForm(post(entries), visitDetailsSchema, fields);
		if (read.ok) throw new Error('should fail');
		expect(read.values.objectives).toHaveLength(KEPT_MAX);
		expect(read.errors.objectives).toEqual({
			code: 'too_long',
			max: LIMITS.visit.objectives,
			typed: KEPT_MAX + 5,
			kept: KEPT_MAX
		});
	});

	it('keeps lists of choices short', () => {
		const { values } = refill({ ids: Array.from({ length: 5000 }, () => 'x'.repeat(500)) });
		expect(values.ids).toHaveLength(1000);
		expect(values.ids[0]).toHaveLength(100);
	});
});

describe('the "too long" message', () => {
	it('says the limit and what was typed, in the reader’s digits', () => {
		const text = errorText({ code: 'too_long', max: 200, typed: 5000 })!;
		const n = (v: number) => new Intl.NumberFormat('fr').format(v);
		expect(text).toBe(`200 caractères au plus — vous en avez saisi ${n(5000)}.`);
		expect(errorText({ code: 'too_long', max: 200, typed: 150_000, kept: 100_000 })).toContain(
			`Seuls les ${n(100_000)} premiers`
		);
		expect(errorText('one_line')).toBe(
			'Ce champ doit tenir sur une seule ligne : retirez les retours à la ligne et les tabulations.'
		);
	});
});
