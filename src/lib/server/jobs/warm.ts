// What the server computes before it listens: every summary kept per data generation that a key
// page reads, so the first minute after a deploy answers as fast as the next ones.
import type { DB } from '../db';
import { warmDashboard } from '../dashboard/figures';
import { todayIn } from '../visits/completion';
import { mapFacets, networkMap } from '../network/map';
import { visitFacets } from '../visits/read';
import { lessonFacets } from '../lessons/record';
import { listSuggestions } from '../organisations/suggestions';
import { matchOrganisations } from '../organisations/filter';

export function warmSummaries(db: DB) {
	const started = performance.now();
	// For a staff member without a time zone; others compute their day's part (cheap) on demand.
	warmDashboard(db, todayIn('UTC', new Date()));
	networkMap(db, { year: null, themeId: null });
	mapFacets(db);
	visitFacets(db);
	lessonFacets(db);
	listSuggestions(db);
	matchOrganisations(db, 'a');
	return performance.now() - started;
}
