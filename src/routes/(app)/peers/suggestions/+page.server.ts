import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { listSuggestions } from '$lib/server/organisations/suggestions';
import { listThemes } from '$lib/server/organisations/directory';
import { positiveId } from '$lib/schemas/common';

export const load: PageServerLoad = (event) => {
	authorize(event, 'peer.suggestions');
	const db = getDb();
	return {
		...listSuggestions(db, positiveId(event.url.searchParams.get('page')) ?? 1),
		themes: listThemes(db)
	};
};
