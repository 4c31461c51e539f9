import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { listOutbox } from '$lib/server/notifications/outbox';

export const load: PageServerLoad = (event) => {
	authorize(event, 'outbox.read');
	const page = Number.parseInt(event.url.searchParams.get('page') ?? '1', 10);
	return listOutbox(getDb(), Number.isFinite(page) ? page : 1);
};
