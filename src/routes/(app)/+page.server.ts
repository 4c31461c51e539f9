import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { isStaff } from '$lib/server/policy';
import { visitsMissingLogistics } from '$lib/server/delegations/delegates';
import { pendingSheetsOf } from '$lib/server/evaluations/roster';
import {
	awaitingMyAnswer,
	datesAwaitingMyAnswer,
	myDrafts,
	staleProposals,
	upcomingVisits
} from '$lib/server/visits/home';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'visit.list');
	const db = getDb();
	const own = actor.memberships.map((m) => m.organisationId);
	const coordinated = actor.memberships
		.filter((m) => m.role === 'coordinator')
		.map((m) => m.organisationId);
	const upcoming = upcomingVisits(db, own);
	const missing = visitsMissingLogistics(
		db,
		upcoming.map((v) => v.id)
	);
	return {
		name: actor.name,
		logistics: upcoming
			.filter((v) => missing.get(v.id))
			.map((v) => ({ ...v, missing: missing.get(v.id) ?? 0 })),
		awaiting: awaitingMyAnswer(db, coordinated),
		dates: datesAwaitingMyAnswer(db, coordinated),
		drafts: myDrafts(db, own),
		sheets: pendingSheetsOf(db, actor.id),
		upcoming,
		stale: isStaff(actor) ? staleProposals(db) : null,
		canPropose: isStaff(actor) || coordinated.length > 0
	};
};
