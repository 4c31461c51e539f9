import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readableVisit } from '$lib/server/http/visit';
import { listAgenda } from '$lib/server/agenda/programme';
import { delegationOf } from '$lib/server/delegations/delegates';
import { lessonsOfVisit } from '$lib/server/lessons/record';
import { actionsOfVisit } from '$lib/server/actions/tracking';
import { todayFor, viewerOf } from '$lib/server/http/follow-up';
import { can } from '$lib/server/policy';
import { evaluationSummary } from '$lib/server/evaluations/results';

// The whole visit on one page, for whoever may read it; lessons and actions with the same
// visibility as everywhere else, so a shared printout never carries what the reader may not see.
export const load: PageServerLoad = (event) => {
	const { actor, visit, target } = readableVisit(event);
	const db = getDb();
	const viewer = viewerOf(actor);
	return {
		visit,
		sessions: listAgenda(db, visit.id),
		// Names for those who may know them, functions for the others; nothing more is printed.
		delegation: delegationOf(db, visit, { actor, target })
			.groups.filter((g) => g.delegates.length || g.others.length)
			.map(({ organisation, delegates, others }) => ({
				organisation,
				delegates: delegates.map(({ id, name, function: fn }) => ({ id, name, function: fn })),
				others
			})),
		lessons: lessonsOfVisit(db, visit.id, viewer),
		actions: actionsOfVisit(db, visit.id, viewer),
		today: todayFor(actor),
		// Answers stay with the visit's organisations and staff, even on a shared report.
		evaluation: can(actor, 'evaluation.results', target)
			? evaluationSummary(db, visit.id, { viewer, locale: event.locals.locale })
			: ('private' as const)
	};
};
