import { z } from 'zod';
import { LOCALES, NOTIFICATION_DELIVERIES } from '$lib/enums';
import { formText } from './common';
import { LIMITS } from './limits';

export const PASSWORD_MIN_LENGTH = LIMITS.account.password.min;
/** argon2 accepts any length; a bound keeps a 10 MB "password" from costing a request. */
export const PASSWORD_MAX_LENGTH = LIMITS.account.password.max;

const rawText = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());

export function isTimeZone(value: string) {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return value.includes('/') || value === 'UTC';
	} catch {
		return false;
	}
}

export const profileSchema = z.object({
	name: formText(LIMITS.account.name),
	preferredLocale: z.enum(LOCALES, 'invalid'),
	// Empty means "use the browser's time zone".
	timeZone: rawText
		.transform((v) => v.trim())
		.pipe(z.string().max(LIMITS.account.timeZone, 'too_long'))
		.refine((v) => v === '' || isTimeZone(v), 'invalid_time_zone')
});

export const passwordSchema = z
	.object({
		current: rawText.pipe(z.string().min(1, 'required').max(PASSWORD_MAX_LENGTH, 'too_long')),
		next: rawText.pipe(
			z.string().min(PASSWORD_MIN_LENGTH, 'too_short').max(PASSWORD_MAX_LENGTH, 'too_long')
		),
		confirm: rawText
	})
	.refine((v) => v.next === v.confirm, { message: 'mismatch', path: ['confirm'] });

const delivery = z.enum(NOTIFICATION_DELIVERIES, 'invalid');

/** One delivery per topic (NOTIFICATION_TOPICS); a choice missing from the post is an error. */
export const notificationPreferencesSchema = z.object({
	proposals: delivery,
	changes: delivery,
	status: delivery,
	reminders: delivery
});
