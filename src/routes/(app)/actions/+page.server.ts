import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guards';
import { listActions } from '$lib/server/actions';
import { listThemes, organisationOptions } from '$lib/server/organisations';
import { readActionFilter } from '$lib/server/follow-up-route';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'action.list');
	const filter = readActionFilter(event.url, actor);
	const db = getDb();
	return {
		filter: { ...filter, viewer: undefined, status: filter.status ?? '' },
		...listActions(db, filter),
		today: filter.today,
		options: {
			organisations: organisationOptions(db),
			themes: listThemes(db)
		}
	};
};
