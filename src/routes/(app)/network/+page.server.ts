import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { mapFacets, networkMap } from '$lib/server/network/map';

// The map is plain SVG and the filters a GET form: the page needs no script, so it ships none
// (nor a second copy of its data for hydration).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	authorize(event, 'network.view');
	const db = getDb();
	const facets = await mapFacets(db);
	const param = (name: string) => Number(event.url.searchParams.get(name)) || null;
	// An unknown year or theme in the address shows everything rather than an empty map.
	const year = facets.years.find((y) => y === param('year')) ?? null;
	const themeId = facets.themes.find((t) => t.id === param('theme'))?.id ?? null;
	return { map: await networkMap(db, { year, themeId }), facets, filter: { year, themeId } };
};
