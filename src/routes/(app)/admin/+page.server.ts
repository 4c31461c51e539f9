import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guards';
import { listPeople } from '$lib/server/users';

export const load: PageServerLoad = (event) => {
	authorize(event, 'admin.view');
	return { people: listPeople(getDb()) };
};
