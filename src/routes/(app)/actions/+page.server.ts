import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { listActions } from '$lib/server/actions/tracking';
import { listThemes } from '$lib/server/organisations/directory';
import { readActionFilter } from '$lib/server/http/follow-up';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'action.list');
	const db = getDb();
	const { organisation, ...filter } = readActionFilter(db, event.url, actor);
	return {
		filter: { ...filter, viewer: undefined, status: filter.status ?? '' },
		...listActions(db, filter),
		today: filter.today,
		organisation,
		options: { themes: listThemes(db) }
	};
};
