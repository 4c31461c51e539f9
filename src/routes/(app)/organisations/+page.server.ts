import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { listOrganisations } from '$lib/server/organisations/directory';

export const load: PageServerLoad = (event) => {
	authorize(event, 'organisation.list');
	return { organisations: listOrganisations(getDb()) };
};
