import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { evaluationExport, type ExportedAnswer } from '$lib/server/evaluations/export';
import { evaluationResultsAccess } from '$lib/server/http/evaluation-results';
import { choiceLabels, questionText, type Question } from '$lib/server/evaluations/template';
import { exportResponse, type ExportFormat } from '$lib/server/exports/response';
import type { Column } from '$lib/server/exports/table';
import { m } from '$lib/i18n';
import type { Locale } from '$lib/enums';

/** What a spreadsheet cell says: ratings stay numbers, the rest reads as words. */
function cell(q: Question, a: ExportedAnswer, locale: Locale): string | number | null {
	if (!a) return null;
	if (a.text !== null) return a.text;
	if (a.value === null) return null;
	if (q.kind === 'yes_no') return a.value ? m.eval_results_yes() : m.eval_results_no();
	if (q.kind === 'choice') return choiceLabels(q, locale)[a.value] ?? a.value;
	return a.value;
}

/**
 * Every submitted sheet of the visit's evaluation, one row each, a column per question, with the
 * results page's anonymity and organisation filter.
 */
export const GET: RequestHandler = (event) => {
	const { visit, viewer, organisationId } = evaluationResultsAccess(event);
	const locale = event.locals.locale;
	const data = evaluationExport(getDb(), visit.id, { viewer, organisationId });
	if (!data) error(404, 'Not found');
	type Sheet = (typeof data.sheets)[number];
	const columns: Column<Sheet>[] = [
		{ header: m.eval_results_csv_respondent(), cell: (s) => s.name ?? m.eval_results_anonymous() },
		{ header: m.col_organisation(), cell: (s) => s.organisation ?? m.eval_results_anonymous() },
		{
			header: m.eval_results_csv_submitted(),
			cell: (s) => s.submittedAt.toISOString().slice(0, 10),
			kind: 'date'
		},
		...data.questions.map((q, i): Column<Sheet> => ({
			header: `${q.position}. ${questionText(q, locale)}`,
			cell: (s) => cell(q, s.answers[i], locale)
		}))
	];
	return exportResponse(
		{
			name: `evaluation-visit-${visit.id}`,
			sheet: m.eval_results_title(),
			columns,
			rows: data.sheets
		},
		event.params.format as ExportFormat,
		locale
	);
};
