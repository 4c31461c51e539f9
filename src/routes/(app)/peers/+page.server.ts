import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { viewerOf } from '$lib/server/http/follow-up';
import { can, isStaff } from '$lib/server/policy';
import { findPeers } from '$lib/server/organisations/peers';
import { listThemes } from '$lib/server/organisations/directory';
import { positiveId } from '$lib/schemas/common';
import { LIMITS } from '$lib/schemas/limits';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'peer.find');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, LIMITS.search.query);
	const db = getDb();
	// A coordinator looks for others: their own organisations are not offered back to them.
	const own = isStaff(actor) ? [] : actor.memberships.map((m) => m.organisationId);
	const result = findPeers(db, q, {
		viewer: viewerOf(actor),
		page: positiveId(event.url.searchParams.get('page')) ?? 1,
		excludeIds: own
	});
	const themes = listThemes(db);
	return {
		q,
		...result,
		allThemes: themes,
		canPropose: isStaff(actor) || actor.memberships.some((m) => m.role === 'coordinator'),
		canSuggest: can(actor, 'peer.suggestions')
	};
};
