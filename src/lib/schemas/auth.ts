import { z } from 'zod';
import { formText } from './common';
import { LIMITS } from './limits';

export const loginSchema = z.object({
	email: formText(LIMITS.login.email).pipe(z.email('invalid_email')),
	// Not trimmed: spaces can be part of a password.
	password: z.preprocess(
		(v) => (typeof v === 'string' ? v : ''),
		z.string().min(1, 'required').max(LIMITS.login.password, 'too_long')
	)
});
