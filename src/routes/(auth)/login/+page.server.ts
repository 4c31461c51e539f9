import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authenticate } from '$lib/server/users';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { loginSchema } from '$lib/schemas/auth';
import { fieldErrors, safeRedirect } from '$lib/schemas/common';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/visits'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').slice(0, 254);
		const parsed = loginSchema.safeParse({
			email: form.get('email'),
			password: form.get('password')
		});
		if (!parsed.success) {
			return fail(400, { email, errors: fieldErrors<'email' | 'password'>(parsed.error) });
		}
		const db = getDb();
		const user = await authenticate(db, parsed.data.email, parsed.data.password);
		if (!user) return fail(400, { email, invalid: true });
		const token = generateSessionToken();
		const session = createSession(db, token, user.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/visits'));
	}
};
