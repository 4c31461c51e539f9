import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { evaluationsOverview } from '$lib/server/evaluations/overview';
import { positiveId } from '$lib/schemas/common';

export const load: PageServerLoad = (event) => {
	authorize(event, 'evaluation.compare');
	const q = event.url.searchParams;
	const page = {
		visits: positiveId(q.get('page')) ?? 1,
		hosts: positiveId(q.get('hosts')) ?? 1,
		missing: positiveId(q.get('missing')) ?? 1
	};
	return { page, ...evaluationsOverview(getDb(), page) };
};
