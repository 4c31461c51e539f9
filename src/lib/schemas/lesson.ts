import { z } from 'zod';
import { ACTION_STATUSES, LESSON_VISIBILITIES } from '$lib/enums';
import { formText, longText } from './common';
import { id, ids, isoDate } from './visit';
import { LIMITS } from './limits';

/** The longest lesson text (what was observed, what we will adapt): a page or two. */
export const LESSON_TEXT_MAX = LIMITS.lesson.text;
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
	title: formText(LIMITS.lesson.title),
	observed: longText(LESSON_TEXT_MAX),
	adaptation: longText(LESSON_TEXT_MAX),
	visibility: z.enum(LESSON_VISIBILITIES, 'invalid'),
	themeIds: ids(LIMITS.lesson.themes)
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
	title: formText(LIMITS.action.title),
	details: longText(LIMITS.action.details),
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
		note: longText(LIMITS.action.note),
		status: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(ACTION_STATUSES, 'invalid').optional()
		)
	})
	.refine((v) => v.note.length > 0 || v.status, { message: 'required', path: ['note'] });
