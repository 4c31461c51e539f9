import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/accounts/users';
import { startSession } from '$lib/server/accounts/sessions';
import {
	checkThrottle,
	clearThrottle,
	recordFailure,
	throttleKey
} from '$lib/server/accounts/throttle';
import { loginSchema } from '$lib/schemas/auth';
import { fieldErrors, safeRedirect } from '$lib/schemas/common';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
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
		const ip = getClientAddress();
		const key = throttleKey(parsed.data.email, ip);
		const throttle = checkThrottle(db, key);
		if (throttle.blocked) {
			setHeaders({ 'retry-after': String(throttle.retryAfterSeconds) });
			return fail(429, { email, retryAfter: throttle.retryAfterSeconds });
		}
		const user = await signIn(db, parsed.data.email, parsed.data.password, ip);
		if (!user) {
			await sleep(recordFailure(db, key));
			return fail(400, { email, invalid: true });
		}
		clearThrottle(db, key);
		startSession(db, { cookies, url, request }, user.id);
		redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/'));
	}
};
