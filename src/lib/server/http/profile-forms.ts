// Reading the profile's practice forms: raw values kept (bounded) to refill the form after an error.
import { fieldErrors, positiveId } from '$lib/schemas/common';
import {
	PRACTICE_DESCRIPTION_MAX,
	PRACTICE_FIELDS,
	practiceSchema,
	type PracticeField
} from '$lib/schemas/practice';
import { keptValues } from './admin-forms';

export function readPracticeForm(form: FormData) {
	// One character past the limit, so the page says "too long" and still shows the text.
	const values = {
		...keptValues(form, [...PRACTICE_FIELDS, 'id'], PRACTICE_DESCRIPTION_MAX + 1),
		themeIds: form
			.getAll('themeIds')
			.filter((v): v is string => typeof v === 'string')
			.slice(0, 50)
			.map((v) => v.slice(0, 20))
	};
	const id = positiveId(values.id);
	const parsed = practiceSchema.safeParse(values);
	if (parsed.success) return { ok: true as const, id, values, data: parsed.data };
	return { ok: false as const, id, values, errors: fieldErrors<PracticeField>(parsed.error) };
}
