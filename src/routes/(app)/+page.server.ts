import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guards';
import { isStaff } from '$lib/server/policy';
import {
	awaitingMyAnswer,
	datesAwaitingMyAnswer,
	myDrafts,
	staleProposals,
	upcomingVisits
} from '$lib/server/home';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'visit.list');
	const db = getDb();
	const own = actor.memberships.map((m) => m.organisationId);
	const coordinated = actor.memberships
		.filter((m) => m.role === 'coordinator')
		.map((m) => m.organisationId);
	return {
		name: actor.name,
		awaiting: awaitingMyAnswer(db, coordinated),
		dates: datesAwaitingMyAnswer(db, coordinated),
		drafts: myDrafts(db, own),
		upcoming: upcomingVisits(db, own),
		stale: isStaff(actor) ? staleProposals(db) : null,
		canPropose: isStaff(actor) || coordinated.length > 0
	};
};
