import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { exportSuggestions } from '$lib/server/organisations/suggestions';
import { listThemes } from '$lib/server/organisations/directory';
import { exportResponse, type ExportFormat } from '$lib/server/exports/response';
import type { Column } from '$lib/server/exports/table';
import { themeName } from '$lib/i18n/format';
import { m, getLocale } from '$lib/i18n';

type Suggestion = ReturnType<typeof exportSuggestions>[number];
type Row = { s: Suggestion; match: Suggestion['matches'][number] };

/** The suggested exchanges, one line per match (a pair's matches follow each other). */
export const GET: RequestHandler = (event) => {
	authorize(event, 'peer.suggestions');
	const db = getDb();
	const locale = getLocale();
	const themes = new Map(listThemes(db).map((t) => [t.id, themeName(t, locale)]));
	const rows = exportSuggestions(db).flatMap((s) => s.matches.map((match): Row => ({ s, match })));
	const side = ({ s, match }: Row, id: number) => (id === s.a.id ? s.a : s.b);
	const columns: Column<Row>[] = [
		{ header: m.suggestions_learner(), cell: (r) => side(r, r.match.learnerId).name },
		{ header: m.suggestions_wish(), cell: (r) => r.match.wish },
		{ header: m.suggestions_sharer(), cell: (r) => side(r, r.match.sharerId).name },
		{ header: m.suggestions_practice(), cell: (r) => r.match.practice },
		{
			header: m.orgs_themes(),
			cell: (r) => r.match.themeIds.map((id) => themes.get(id)).join(', ')
		},
		{ header: m.suggestions_score(), cell: (r) => r.match.score },
		{
			header: m.suggestions_visited_column(),
			cell: ({ s }) => (s.visited ? `${s.visited.title} (${s.visited.startsOn})` : '')
		}
	];
	return exportResponse(
		{ name: 'suggested-exchanges', sheet: m.suggestions_title(), columns, rows },
		event.params.format as ExportFormat,
		event.locals.locale
	);
};
