import { z } from 'zod';
import { PRACTICE_KINDS } from '$lib/enums';
import { cleanText, formText } from './common';
import { ids } from './visit';

export const PRACTICE_TITLE_MAX = 120;
export const PRACTICE_DESCRIPTION_MAX = 500;
export const PRACTICE_FIELDS = ['kind', 'title', 'description'] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number] | 'themeIds';

/** A profile entry: one line of title, a sentence of description, its themes. */
export const practiceSchema = z.object({
	kind: z.enum(PRACTICE_KINDS, 'invalid'),
	title: formText(PRACTICE_TITLE_MAX),
	description: z.preprocess(cleanText, z.string().max(PRACTICE_DESCRIPTION_MAX, 'too_long')),
	themeIds: ids(10)
});
export type PracticeInput = z.infer<typeof practiceSchema>;
