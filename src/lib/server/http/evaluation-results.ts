// What the results page and its CSV share: the visit of the URL if the actor may read its
// evaluation (404 otherwise, as for any record they may not see), and the organisation filter.
import { error, type RequestEvent } from '@sveltejs/kit';
import { readableVisit } from './visit';
import { can } from '../policy';
import { viewerOf } from './follow-up';
import { positiveId } from '$lib/schemas/common';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

export function evaluationResultsAccess(event: Event) {
	const { actor, visit, target } = readableVisit(event);
	if (!can(actor, 'evaluation.results', target)) error(404, 'Not found');
	return {
		actor,
		visit,
		viewer: viewerOf(actor),
		// Unknown or foreign organisations filter nothing (the module checks the respondents).
		organisationId: positiveId(event.url.searchParams.get('org')) ?? undefined
	};
}
