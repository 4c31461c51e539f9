import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readableVisit } from '$lib/server/http/visit';
import { listAgenda, programmeContacts } from '$lib/server/agenda/programme';
import { programmeWarnings, visitDays } from '$lib/agenda';

// The programme for paper: whoever may read the visit may print it.
export const load: PageServerLoad = (event) => {
	const { visit } = readableVisit(event);
	const db = getDb();
	const sessions = listAgenda(db, visit.id);
	const parallel = programmeWarnings(sessions, visit).flatMap((w) =>
		w.kind === 'overlap' ? w.ids : []
	);
	return {
		visit,
		sessions,
		days: visitDays(visit.startsOn, visit.endsOn),
		parallel: [...new Set(parallel)],
		contact: programmeContacts(db, visit)
	};
};
