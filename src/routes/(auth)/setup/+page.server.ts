import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { countUsers } from '$lib/server/accounts/invitations';

export const load: PageServerLoad = () => {
	if (countUsers(getDb()) > 0) redirect(303, '/login');
	return {};
};
