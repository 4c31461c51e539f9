import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guards';

// The framework's ceiling for `npm run bench`: a signed-in page that does nothing of its own, so
// its speed is the hooks', the layout's and SvelteKit's. Absent unless the server runs for it.
export const load: PageServerLoad = (event) => {
	if (process.env.BENCH_ROUTES !== '1') error(404, 'Not found');
	authorize(event, 'visit.read');
	return { name: event.locals.user!.name };
};
