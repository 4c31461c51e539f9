import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, invalidateSession } from '$lib/server/accounts/sessions';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return {};
};

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.session) invalidateSession(getDb(), locals.session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
