import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { dashboard } from '$lib/server/dashboard/figures';
import { todayFor } from '$lib/server/http/follow-up';

export const load: PageServerLoad = async (event) => {
	const actor = authorize(event, 'dashboard.view');
	const today = todayFor(actor);
	return { ...(await dashboard(getDb(), today)), today };
};
