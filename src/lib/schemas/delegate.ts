import { z } from 'zod';
import { ACCOMMODATION_STATUSES, TRAVEL_STATUSES, VISA_STATUSES } from '$lib/enums';
import { formText, cleanText, lineText, longText } from './common';
import { LIMITS } from './limits';

export const DELEGATE_FIELDS = [
	'name',
	'function',
	'email',
	'userId',
	'arrivesAt',
	'departsAt',
	'travel',
	'visa',
	'accommodation',
	'needs'
] as const;
export type DelegateField = (typeof DELEGATE_FIELDS)[number];

const trimmed = cleanText;
const DELEGATE = LIMITS.delegate;

/**
 * A real calendar moment written as a `datetime-local` input sends it: "2024-05-05T09:30",
 * sometimes with seconds. 2024-02-31T10:00 matches the pattern, so the parts are checked too.
 */
export function parseLocalDateTime(value: string): string | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(value);
	if (!match) return null;
	const [y, mo, d, h, mi] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
	const real =
		y >= 1900 &&
		y <= 2999 &&
		date.getUTCMonth() === mo - 1 &&
		date.getUTCDate() === d &&
		h < 24 &&
		mi < 60;
	return real ? value.slice(0, 16) : null;
}

/** Empty is allowed (not known yet: the checklist says so); anything else must be a real moment. */
const localDateTime = z.preprocess(
	trimmed,
	z
		.string()
		.max(32, 'invalid_datetime')
		.transform((v, ctx) => {
			if (!v) return null;
			const parsed = parseLocalDateTime(v);
			if (!parsed) ctx.addIssue({ code: 'custom', message: 'invalid_datetime' });
			return parsed ?? null;
		})
);

/**
 * An enum value. Unlike z.enum, a refinement lets the form-wide check below still run, so a
 * wrong status and a departure before arrival are reported together.
 */
const oneOf = <T extends string>(values: readonly T[]) =>
	z.preprocess(
		trimmed,
		z.string().refine((v): v is T => (values as readonly string[]).includes(v), 'invalid')
	);

export const delegateSchema = z
	.object({
		name: formText(DELEGATE.name),
		function: lineText(DELEGATE.function),
		email: z
			.preprocess(
				(v) => trimmed(v) || undefined,
				z.string().max(DELEGATE.email, 'too_long').pipe(z.email('invalid_email')).optional()
			)
			.transform((v) => v ?? null),
		// The account is chosen from a list; '' is "no account".
		userId: z.preprocess(
			trimmed,
			z
				.string()
				.regex(/^([1-9][0-9]{0,14})?$/, 'invalid')
				.transform((v) => (v ? Number(v) : null))
		),
		arrivesAt: localDateTime,
		departsAt: localDateTime,
		travel: oneOf(TRAVEL_STATUSES),
		visa: oneOf(VISA_STATUSES),
		accommodation: oneOf(ACCOMMODATION_STATUSES),
		needs: longText(DELEGATE.needs)
	})
	.superRefine((d, ctx) => {
		// Same-format wall-clock strings compare in time order.
		if (d.arrivesAt && d.departsAt && d.departsAt < d.arrivesAt) {
			ctx.addIssue({ code: 'custom', path: ['departsAt'], message: 'departure_before_arrival' });
		}
	});
export type DelegateInput = z.infer<typeof delegateSchema>;
