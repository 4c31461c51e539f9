import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guards';
import { getVisit } from '$lib/server/visits';

export const load: PageServerLoad = (event) => {
	authorize(event, 'visit.read');
	const visit = getVisit(getDb(), Number(event.params.id));
	if (!visit) error(404, 'Not found');
	return { visit };
};
