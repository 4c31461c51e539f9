import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { evaluationResults } from '$lib/server/evaluations/results';
import { evaluationResultsAccess } from '$lib/server/http/evaluation-results';

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
