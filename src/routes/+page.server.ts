import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The home page grows with the visits work (proposals awaiting an answer); until then: the visits.
export const load: PageServerLoad = () => redirect(303, '/visits');
