import { z } from 'zod';
import { formText } from './common';

export const loginSchema = z.object({
	email: formText(254).pipe(z.email('invalid_email')),
	// Not trimmed: spaces can be part of a password.
	password: z.preprocess(
		(v) => (typeof v === 'string' ? v : ''),
		z.string().min(1, 'required').max(256, 'too_long')
	)
});
