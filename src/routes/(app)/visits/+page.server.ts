import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { can } from '$lib/server/policy';
import { viewerOf } from '$lib/server/http/follow-up';
import { listVisits, visitFacets } from '$lib/server/visits/read';
import { listThemes } from '$lib/server/organisations/directory';
import { readOrganisationFilter } from '$lib/server/organisations/filter';
import { positiveId } from '$lib/schemas/common';
import { readCursor } from '$lib/server/db/keyset';
import { VISIT_STATUSES, type VisitStatus } from '$lib/enums';

export const load: PageServerLoad = async (event) => {
	const actor = authorize(event, 'visit.list');
	const q = event.url.searchParams;
	const db = getDb();
	const own = actor.memberships.map((m) => m.organisationId);
	// Unknown filters are ignored rather than refused: a mistyped link still shows the list.
	const status = VISIT_STATUSES.find((s) => s === q.get('status')) as VisitStatus | undefined;
	const year = Number(q.get('year'));
	const organisation = readOrganisationFilter(db, q);
	const filter = {
		status,
		organisationIds: organisation.ids,
		themeId: positiveId(q.get('theme')) ?? undefined,
		country: /^[A-Z]{2}$/.test(q.get('country') ?? '') ? q.get('country')! : undefined,
		year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : undefined,
		mine: q.get('mine') === '1' ? own : undefined,
		sort: q.get('sort') === 'oldest' ? ('oldest' as const) : ('newest' as const),
		after: readCursor(q.get('after')),
		before: readCursor(q.get('before')),
		viewerOrganisations: viewerOf(actor)
	};
	return {
		// What the filter form shows, nothing more: page data is serialised into every page.
		filter: {
			status: status ?? '',
			themeId: filter.themeId,
			country: filter.country,
			year: filter.year,
			sort: filter.sort,
			mine: q.get('mine') === '1'
		},
		...listVisits(db, filter),
		organisation: organisation.field,
		options: {
			themes: listThemes(db),
			...(await visitFacets(db))
		},
		canPropose: can(actor, 'visit.propose'),
		hasOrganisation: own.length > 0
	};
};
