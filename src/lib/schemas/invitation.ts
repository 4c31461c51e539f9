import { z } from 'zod';
import { GLOBAL_ROLES, LOCALES, MEMBERSHIP_ROLES } from '$lib/enums';
import { formText } from './common';
import { LIMITS } from './limits';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account';

export const acceptInvitationSchema = z.object({
	name: formText(LIMITS.invitation.name),
	password: z.preprocess(
		(v) => (typeof v === 'string' ? v : ''),
		z.string().min(PASSWORD_MIN_LENGTH, 'too_short').max(PASSWORD_MAX_LENGTH, 'too_long')
	),
	locale: z.enum(LOCALES, 'invalid'),
	// Asked only on the first-admin link, which is not addressed to anyone yet.
	email: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() ? v : undefined),
		z
			.string()
			.trim()
			.max(LIMITS.invitation.email, 'too_long')
			.pipe(z.email('invalid_email'))
			.optional()
	)
});

export const newInvitationSchema = z.object({
	email: formText(LIMITS.invitation.email).pipe(z.email('invalid_email')),
	organisationId: z.coerce.number('required').int('required').positive('required'),
	role: z.enum(MEMBERSHIP_ROLES, 'required'),
	globalRole: z.preprocess((v) => v || 'member', z.enum(GLOBAL_ROLES, 'invalid'))
});
