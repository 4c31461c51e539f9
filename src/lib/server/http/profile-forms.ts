// Reading the profile's practice forms (see ./forms).
import { positiveId } from '$lib/schemas/common';
import { PRACTICE_FIELDS, practiceSchema } from '$lib/schemas/practice';
import { checkForm } from './forms';

export function readPracticeForm(form: FormData) {
	const read = checkForm(form, practiceSchema, {
		keep: [...PRACTICE_FIELDS, 'id'],
		lists: ['themeIds']
	});
	return { ...read, id: positiveId(read.values.id) };
}
