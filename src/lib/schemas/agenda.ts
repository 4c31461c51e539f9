import { z } from 'zod';
import { AGENDA_KINDS } from '$lib/enums';
import { isClockTime } from '$lib/agenda';
import { formText, cleanText } from './common';
import { isoDate } from './visit';

const text = (max: number) => z.preprocess(cleanText, z.string().max(max, 'too_long'));
const clock = (end: boolean) =>
	z.preprocess(
		cleanText,
		z
			.string()
			.min(1, 'required')
			.refine((v) => isClockTime(v, end), 'invalid_time')
	);

export const sessionSchema = z
	.object({
		day: isoDate,
		startsAt: clock(false),
		endsAt: clock(true),
		kind: z.enum(AGENDA_KINDS, 'required'),
		title: formText(200),
		place: text(200),
		leadOrganisationId: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? undefined : v),
			z.coerce.number('invalid').int('invalid').positive('invalid').optional()
		),
		leadName: text(120),
		notes: text(2000)
	})
	.refine((v) => v.endsAt > v.startsAt, { message: 'end_before_start', path: ['endsAt'] });
export type SessionInput = z.infer<typeof sessionSchema>;
