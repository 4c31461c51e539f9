import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { experienceOn, lessonFacets, listLessons } from '$lib/server/lessons/record';
import { listThemes } from '$lib/server/organisations/directory';
import { viewerOf } from '$lib/server/http/follow-up';
import { readOrganisationFilter } from '$lib/server/organisations/filter';
import { positiveId } from '$lib/schemas/common';
import { LIMITS } from '$lib/schemas/limits';

export const load: PageServerLoad = async (event) => {
	const actor = authorize(event, 'lesson.list');
	const q = event.url.searchParams;
	const db = getDb();
	const year = Number(q.get('year'));
	const { organisations: withLessons, ...facets } = await lessonFacets(db);
	// Small networks offer only the organisations that have lessons.
	const organisation = readOrganisationFilter(db, q, () =>
		withLessons.map((o) => ({ value: o.id, label: o.name }))
	);
	const filter = {
		q: (q.get('q') ?? '').slice(0, LIMITS.search.query),
		themeId: positiveId(q.get('theme')) ?? undefined,
		country: /^[A-Z]{2}$/.test(q.get('country') ?? '') ? q.get('country')! : undefined,
		organisationIds: organisation.ids,
		year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : undefined,
		page: positiveId(q.get('page')) ?? 1,
		viewer: viewerOf(actor)
	};
	return {
		filter: { ...filter, viewer: undefined },
		...listLessons(db, filter),
		experts: filter.themeId ? experienceOn(db, filter.themeId, filter.viewer) : [],
		organisation: organisation.field,
		options: { themes: listThemes(db), ...facets }
	};
};
