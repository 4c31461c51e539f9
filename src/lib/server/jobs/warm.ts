// What the server computes before it listens: every summary kept per data generation that a key
// page reads, so the first minute after a deploy answers as fast as the next ones.
import type { DB } from '../db';
import { warmDashboard } from '../dashboard/figures';
import { todayIn } from '../visits/completion';
import { mapFacets, networkMap } from '../network/map';
import { visitFacets } from '../visits/read';
import { lessonFacets } from '../lessons/record';
import { matchOrganisations } from '../organisations/filter';
import { listSuggestions } from '../organisations/suggestions';

/**
 * Staff's suggested exchanges (organisations/suggestions.ts) are computed too: 0.9 s at the
 * benchmark's scale since they are scored from posting lists (143 s before, on a loaded machine).
 */
export async function warmSummaries(db: DB) {
	const started = performance.now();
	// For a staff member without a time zone; others compute their day's part (cheap) on demand.
	await Promise.all([
		warmDashboard(db, todayIn('UTC', new Date())),
		networkMap(db, { year: null, themeId: null }),
		visitFacets(db),
		lessonFacets(db),
		mapFacets(db)
	]);
	matchOrganisations(db, 'a');
	listSuggestions(db);
	return performance.now() - started;
}
