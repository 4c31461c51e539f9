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
import { safeRedirect, type FieldErrors } from '$lib/schemas/common';
import { readForm } from '$lib/server/http/forms';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const parsed = await readForm(request, loginSchema, { keep: ['email', 'password'] });
		const { email } = parsed.values;
		if (!parsed.ok) {
			return fail(400, { email, errors: parsed.errors as FieldErrors<'email' | 'password'> });
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
