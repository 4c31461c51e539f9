import { z } from 'zod';
import { PRACTICE_KINDS } from '$lib/enums';
import { formText, longText } from './common';
import { ids } from './visit';
import { LIMITS } from './limits';

export const PRACTICE_TITLE_MAX = LIMITS.practice.title;
export const PRACTICE_DESCRIPTION_MAX = LIMITS.practice.description;
export const PRACTICE_FIELDS = ['kind', 'title', 'description'] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number] | 'themeIds';

/** A profile entry: one line of title, a sentence of description, its themes. */
export const practiceSchema = z.object({
	kind: z.enum(PRACTICE_KINDS, 'invalid'),
	title: formText(PRACTICE_TITLE_MAX),
	description: longText(PRACTICE_DESCRIPTION_MAX),
	themeIds: ids(LIMITS.practice.themes)
});
export type PracticeInput = z.infer<typeof practiceSchema>;
