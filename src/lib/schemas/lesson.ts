import { z } from 'zod';
import { ACTION_STATUSES, LESSON_VISIBILITIES } from '$lib/enums';
import { formText, cleanText } from './common';
import { id, ids, isoDate } from './visit';

/** The longest lesson text (what was observed, what we will adapt): a page or two. */
export const LESSON_TEXT_MAX = 20_000;

const text = (max: number) => z.preprocess(cleanText, z.string().max(max, 'too_long'));
const optionalId = z.preprocess((v) => (v === '' || v == null ? undefined : v), id.optional());

export const LESSON_FIELDS = [
	'organisationId',
	'title',
	'observed',
	'adaptation',
	'visibility'
] as const;
export type LessonField = (typeof LESSON_FIELDS)[number] | 'themeIds';

export const lessonSchema = z.object({
	organisationId: id,
	title: formText(200),
	observed: text(LESSON_TEXT_MAX),
	adaptation: text(LESSON_TEXT_MAX),
	visibility: z.enum(LESSON_VISIBILITIES, 'invalid'),
	themeIds: ids(30)
});
export type LessonInput = z.infer<typeof lessonSchema>;

export const ACTION_FIELDS = [
	'title',
	'details',
	'ownerOrganisationId',
	'ownerUserId',
	'dueOn',
	'lessonId'
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const actionSchema = z.object({
	title: formText(200),
	details: text(5000),
	ownerOrganisationId: id,
	ownerUserId: optionalId,
	dueOn: isoDate,
	lessonId: optionalId
});
export type ActionInput = z.infer<typeof actionSchema>;

export const actionEditSchema = actionSchema.extend({
	version: z.coerce.number('invalid').int('invalid').positive('invalid')
});

/** A progress note; a status change alone is an update too. */
export const progressSchema = z
	.object({
		note: text(5000),
		status: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(ACTION_STATUSES, 'invalid').optional()
		)
	})
	.refine((v) => v.note.length > 0 || v.status, { message: 'required', path: ['note'] });
