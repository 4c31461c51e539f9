import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guards';
import { listVisits } from '$lib/server/visits';
import { VISIT_STATUSES, type VisitStatus } from '$lib/enums';

export const load: PageServerLoad = (event) => {
	authorize(event, 'visit.list');
	const params = event.url.searchParams;
	const rawStatus = params.get('status');
	// Unknown filters are ignored rather than refused: a mistyped link still shows the list.
	const status = VISIT_STATUSES.includes(rawStatus as VisitStatus)
		? (rawStatus as VisitStatus)
		: undefined;
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		status: status ?? '',
		...listVisits(getDb(), { status, page: Number.isFinite(page) ? page : 1 })
	};
};
