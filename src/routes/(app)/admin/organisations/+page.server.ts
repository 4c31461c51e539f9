import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { listOrganisations } from '$lib/server/organisations/directory';

export const load: PageServerLoad = (event) => {
	authorize(event, 'organisation.manage');
	return {
		organisations: listOrganisations(getDb()).map((o) => ({
			id: o.id,
			name: o.name,
			shortName: o.shortName,
			country: o.country,
			city: o.city,
			archived: o.archivedAt !== null
		}))
	};
};
