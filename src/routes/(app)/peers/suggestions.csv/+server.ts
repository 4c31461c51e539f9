import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { exportSuggestions } from '$lib/server/organisations/suggestions';
import { listThemes } from '$lib/server/organisations/directory';
import { toCsv } from '$lib/server/exports/csv';
import { themeName } from '$lib/i18n/format';
import { m, getLocale } from '$lib/i18n';

/** The suggested exchanges, one line per match (a pair's matches follow each other). */
export const GET: RequestHandler = (event) => {
	authorize(event, 'peer.suggestions');
	const db = getDb();
	const locale = getLocale();
	const themes = new Map(listThemes(db).map((t) => [t.id, themeName(t, locale)]));
	const rows = exportSuggestions(db).flatMap((s) =>
		s.matches.map((match) => {
			const learner = match.learnerId === s.a.id ? s.a : s.b;
			const sharer = match.sharerId === s.a.id ? s.a : s.b;
			return [
				learner.name,
				match.wish,
				sharer.name,
				match.practice,
				match.themeIds.map((id) => themes.get(id)).join(', '),
				match.score,
				s.visited ? `${s.visited.title} (${s.visited.startsOn})` : ''
			];
		})
	);
	const heading = [
		m.suggestions_learner(),
		m.suggestions_wish(),
		m.suggestions_sharer(),
		m.suggestions_practice(),
		m.orgs_themes(),
		m.suggestions_score(),
		m.suggestions_visited_column()
	];
	return new Response(toCsv([heading, ...rows]), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="suggested-exchanges.csv"',
			'Cache-Control': 'private, no-store'
		}
	});
};
