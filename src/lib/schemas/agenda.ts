import { z } from 'zod';
import { AGENDA_KINDS } from '$lib/enums';
import { isClockTime } from '$lib/agenda';
import { formText, cleanText, lineText, longText } from './common';
import { isoDate } from './visit';
import { LIMITS } from './limits';

const SESSION = LIMITS.session;
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
		title: formText(SESSION.title),
		place: lineText(SESSION.place),
		leadOrganisationId: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? undefined : v),
			z.coerce.number('invalid').int('invalid').positive('invalid').optional()
		),
		leadName: lineText(SESSION.leadName),
		notes: longText(SESSION.notes)
	})
	.refine((v) => v.endsAt > v.startsAt, { message: 'end_before_start', path: ['endsAt'] });
export type SessionInput = z.infer<typeof sessionSchema>;
