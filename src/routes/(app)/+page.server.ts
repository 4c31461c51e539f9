import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { can, coordinatedOrganisations } from '$lib/server/policy';
import { visitsMissingLogistics } from '$lib/server/delegations/delegates';
import { getVisit } from '$lib/server/visits/read';
import { visitTarget } from '$lib/server/visits/workflow';
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
	const coordinated = coordinatedOrganisations(actor);
	const upcoming = upcomingVisits(db, own);
	const missing = visitsMissingLogistics(
		db,
		upcoming.map((v) => v.id)
	);
	return {
		name: actor.name,
		// Who lacks what is logistics: only for those who may read the whole delegation.
		logistics: upcoming
			.filter((v) => missing.get(v.id) && readsDelegation(actor, v.id))
			.map((v) => ({ ...v, missing: missing.get(v.id) ?? 0 })),
		awaiting: awaitingMyAnswer(db, coordinated),
		dates: datesAwaitingMyAnswer(db, coordinated),
		drafts: myDrafts(db, own),
		sheets: pendingSheetsOf(db, actor.id),
		upcoming,
		// Unanswered proposals across the network are the staff's follow-up.
		stale: can(actor, 'dashboard.view') ? staleProposals(db) : null,
		canPropose: can(actor, 'visit.propose')
	};
};

function readsDelegation(actor: Parameters<typeof can>[0], visitId: number) {
	const visit = getVisit(getDb(), visitId);
	return !!visit && can(actor, 'delegate.readDetails', { visit: visitTarget(visit) });
}
