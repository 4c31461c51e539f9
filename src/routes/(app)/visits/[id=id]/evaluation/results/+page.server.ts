import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { evaluationResults } from '$lib/server/evaluation-results';
import { evaluationResultsAccess } from '$lib/server/evaluation-results-route';

export const load: PageServerLoad = (event) => {
	const { visit, viewer, organisationId } = evaluationResultsAccess(event);
	return {
		visit,
		results: evaluationResults(getDb(), visit.id, {
			viewer,
			organisationId,
			locale: event.locals.locale
		})
	};
};
