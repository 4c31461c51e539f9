// Every submitted sheet of a visit's evaluation, for the CSV export: one row per sheet and one
// column per question (a spreadsheet averages a column directly), with the same anonymity and
// organisation filter as the results page. Two queries whatever the number of sheets.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db';
import { evaluationAnswers, evaluationResponses, organisations } from '../db/schema';
import { templateQuestions, type Question } from './template';
import {
	respondentOrganisations,
	showsRespondent,
	submittedSheets,
	visitEvaluation,
	type ResultsFilter
} from './results';

export type ExportedAnswer = { value: number | null; text: string | null } | null;

export type ExportedSheet = {
	/** null when the sheet is anonymous to this viewer. */
	name: string | null;
	organisation: string | null;
	submittedAt: Date;
	/** In the order of `questions`; null for a question left blank. */
	answers: ExportedAnswer[];
};

export function evaluationExport(
	db: Tx,
	visitId: number,
	filter: Omit<ResultsFilter, 'locale'>
): { questions: Question[]; sheets: ExportedSheet[] } | null {
	const evaluation = visitEvaluation(db, visitId);
	if (!evaluation) return null;
	// An organisation without a sheet here filters nothing, as on the page.
	const known = respondentOrganisations(db, evaluation.id).some(
		(o) => o.id === filter.organisationId
	);
	const where = submittedSheets(evaluation.id, known ? filter.organisationId : undefined);
	const questions = templateQuestions(db, evaluation.templateId);
	const sheets = db
		.select({
			id: evaluationResponses.id,
			name: evaluationResponses.respondentName,
			organisationId: evaluationResponses.organisationId,
			organisation: organisations.shortName,
			submittedAt: evaluationResponses.submittedAt
		})
		.from(evaluationResponses)
		.innerJoin(organisations, eq(evaluationResponses.organisationId, organisations.id))
		.where(where)
		.orderBy(asc(organisations.shortName), asc(evaluationResponses.submittedAt))
		.all();
	const answers = sheets.length
		? db
				.select({
					responseId: evaluationAnswers.responseId,
					questionId: evaluationAnswers.questionId,
					value: evaluationAnswers.value,
					text: evaluationAnswers.text
				})
				.from(evaluationAnswers)
				.where(
					inArray(
						evaluationAnswers.responseId,
						db.select({ id: evaluationResponses.id }).from(evaluationResponses).where(where)
					)
				)
				.all()
		: [];
	const byKey = new Map(answers.map((a) => [`${a.responseId}:${a.questionId}`, a]));
	return {
		questions,
		sheets: sheets.map((s) => {
			const shown = showsRespondent(filter.viewer, evaluation.anonymous, s.organisationId);
			return {
				name: shown ? s.name : null,
				organisation: shown ? s.organisation : null,
				submittedAt: s.submittedAt!,
				answers: questions.map((q) => {
					const a = byKey.get(`${s.id}:${q.id}`);
					return a ? { value: a.value, text: a.text } : null;
				})
			};
		})
	};
}
