import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guards';

export const load: PageServerLoad = (event) => {
	authorize(event, 'action.list');
	return {};
};
