import { z } from 'zod';
import { isMatch } from 'date-fns';
import { VISIT_KINDS } from '$lib/enums';
import { formText, cleanText, lineText, longText, requiredLongText } from './common';
import { isTimeZone } from './account';
import { LIMITS } from './limits';

/** Working languages offered on visits (ISO 639-1): the network's four, and its partners' others. */
export const VISIT_LANGUAGES = ['fr', 'en', 'es', 'ar', 'pt', 'mg', 'sw', 'wo', 'qu'] as const;

const VISIT = LIMITS.visit;

/** A real calendar day as YYYY-MM-DD (2024-02-30 is refused). */
export const isoDate = z.preprocess(
	cleanText,
	z
		.string()
		.min(1, 'required')
		.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isMatch(v, 'yyyy-MM-dd'), 'invalid_date')
);

export const id = z.coerce
	.number('invalid')
	.int('invalid')
	.positive('invalid')
	.max(2 ** 40, 'invalid');
export const ids = (max: number) =>
	z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(id).max(max, 'too_long'));

const dateOrder = <T extends { startsOn: string; endsOn: string }>(v: T) => v.endsOn >= v.startsOn;
const endAfterStart = { message: 'end_before_start', path: ['endsOn'] };

/** What any visit has: its details, editable while it is under way. */
export const visitDetails = z.object({
	title: formText(VISIT.title),
	objectives: longText(VISIT.objectives),
	startsOn: isoDate,
	endsOn: isoDate,
	timeZone: formText(VISIT.timeZone).refine(isTimeZone, 'invalid_time_zone'),
	place: lineText(VISIT.place),
	languages: z.preprocess(
		(v) => (Array.isArray(v) ? v : v ? [v] : []),
		z.array(z.enum(VISIT_LANGUAGES, 'invalid')).max(VISIT_LANGUAGES.length)
	),
	themeIds: ids(VISIT.themes),
	expectedSize: z.preprocess(
		(v) => (v === '' || v === undefined || v === null ? undefined : v),
		z.coerce
			.number('invalid')
			.int('invalid')
			.min(VISIT.expectedSize.min, 'invalid')
			.max(VISIT.expectedSize.max, 'invalid')
			.optional()
	)
});
export type VisitDetails = z.infer<typeof visitDetails>;

export const visitDetailsSchema = visitDetails.refine(dateOrder, endAfterStart);

export const editVisitSchema = visitDetails
	.extend({ version: z.coerce.number('invalid').int('invalid').positive('invalid') })
	.refine(dateOrder, endAfterStart);

/** Who takes part, as a coordinator says it: "we visit them" or "they come to us". */
export const coordinatorParties = z.object({
	ownId: id,
	direction: z.enum(['visit', 'receive'], 'required'),
	partnerId: z.preprocess((v) => v || undefined, id.optional())
});

/** Who takes part, as staff set it: any host and any invited organisations. */
export const staffParties = z.object({
	kind: z.enum(VISIT_KINDS, 'invalid'),
	hostId: z.preprocess((v) => v || undefined, id.optional()),
	visitorIds: ids(VISIT.visitors)
});

export const answerSchema = z.object({
	organisationId: id,
	response: z.enum(['accepted', 'declined'], 'invalid'),
	reason: longText(VISIT.reason)
});

export const datesSchema = z
	.object({ organisationId: id, startsOn: isoDate, endsOn: isoDate, note: longText(VISIT.reason) })
	.refine(dateOrder, endAfterStart);

export const reasonSchema = z.object({ reason: requiredLongText(VISIT.reason) });
