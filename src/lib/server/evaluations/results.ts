// What a visit's evaluation says, question by question: only SUBMITTED sheets count (a draft may
// still change). Every figure is aggregated in SQL — one query for the counts of all questions,
// one for the open answers, one for the organisations — whatever the number of sheets.
import { and, asc, count, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db';
import {
	evaluationAnswers,
	evaluationResponses,
	evaluationTemplates,
	evaluations,
	organisations
} from '../db/schema';
import { choiceLabels, questionText, templateQuestions, type Question } from './template';
import type { Viewer } from '../lessons/record';
import type { Locale, QuestionKind } from '$lib/enums';

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export type ResultsFilter = {
	/** null: staff, who see every name; otherwise the viewer's organisations. */
	viewer: Viewer;
	/** Only the sheets of this organisation's respondents. */
	organisationId?: number;
	locale: Locale;
};

export type OpenAnswer = {
	text: string;
	/** null when the sheet is anonymous to this viewer. */
	name: string | null;
	organisation: string | null;
};

export type QuestionResult = {
	id: number;
	position: number;
	code: string | null;
	kind: QuestionKind;
	text: string;
	/** Submitted answers to this question. */
	n: number;
	/** rating: sheets per value 1–5; yes_no: [no, yes]; choice: per option; text: empty. */
	counts: number[];
	/** choice: option labels; yes_no and rating: empty (the page names them). */
	labels: string[];
	/** rating only; null when nobody answered. */
	mean: number | null;
	answers: OpenAnswer[];
};

export type RespondentOrganisation = {
	id: number;
	shortName: string;
	name: string;
	responses: number;
	submitted: number;
};

/** The evaluation opened on a visit, with its template version. */
export function visitEvaluation(db: Tx, visitId: number) {
	return db
		.select({
			id: evaluations.id,
			templateId: evaluations.templateId,
			version: evaluationTemplates.version,
			anonymous: evaluations.anonymous,
			openedAt: evaluations.openedAt
		})
		.from(evaluations)
		.innerJoin(evaluationTemplates, eq(evaluations.templateId, evaluationTemplates.id))
		.where(eq(evaluations.visitId, visitId))
		.get();
}

/** submitted / sent sheets as a whole percentage; null when there is no sheet at all. */
export function responseRate(submitted: number, responses: number): number | null {
	return responses > 0 ? Math.round((100 * submitted) / responses) : null;
}

/** The mean of a 1–5 distribution (counts[0] is the number of 1s). */
export function meanOf(counts: readonly number[]): number | null {
	const n = counts.reduce((s, c) => s + c, 0);
	if (!n) return null;
	return counts.reduce((s, c, i) => s + c * (i + 1), 0) / n;
}

/**
 * Names stay with the respondent's own organisation when the evaluation is anonymous; staff,
 * who run the network, always see them.
 */
export function showsRespondent(viewer: Viewer, anonymous: boolean, organisationId: number) {
	return !anonymous || viewer === null || viewer.includes(organisationId);
}

/** Submitted sheets of this evaluation, of one organisation when the filter says so. */
export function submittedSheets(evaluationId: number, organisationId?: number): SQL {
	return and(
		eq(evaluationResponses.evaluationId, evaluationId),
		isNotNull(evaluationResponses.submittedAt),
		organisationId ? eq(evaluationResponses.organisationId, organisationId) : undefined
	)!;
}

/** Sheets and submitted sheets per organisation of the respondents (the filter's choices). */
export function respondentOrganisations(db: Tx, evaluationId: number): RespondentOrganisation[] {
	return db
		.select({
			id: organisations.id,
			shortName: organisations.shortName,
			name: organisations.name,
			responses: count(),
			submitted: count(evaluationResponses.submittedAt)
		})
		.from(evaluationResponses)
		.innerJoin(organisations, eq(evaluationResponses.organisationId, organisations.id))
		.where(eq(evaluationResponses.evaluationId, evaluationId))
		.groupBy(organisations.id)
		.orderBy(asc(organisations.shortName))
		.all();
}

function emptyCounts(q: Question, locale: Locale) {
	switch (q.kind) {
		case 'rating':
			return { counts: RATING_VALUES.map(() => 0), labels: [] };
		case 'yes_no':
			return { counts: [0, 0], labels: [] };
		case 'choice': {
			const labels = choiceLabels(q, locale);
			return { counts: labels.map(() => 0), labels };
		}
		default:
			return { counts: [], labels: [] };
	}
}

/** Where an answer's value lands in `counts`, or -1 for a value outside the question's range. */
function slot(kind: QuestionKind, value: number, size: number) {
	const index = kind === 'rating' ? value - 1 : value;
	return index >= 0 && index < size ? index : -1;
}

export type EvaluationResults = NonNullable<ReturnType<typeof evaluationResults>>;

/** The results of a visit's evaluation for this viewer; null when no evaluation is open. */
export function evaluationResults(db: Tx, visitId: number, filter: ResultsFilter) {
	const evaluation = visitEvaluation(db, visitId);
	if (!evaluation) return null;
	const byOrganisation = respondentOrganisations(db, evaluation.id);
	const organisationId = byOrganisation.some((o) => o.id === filter.organisationId)
		? filter.organisationId
		: undefined;
	const counted = organisationId
		? byOrganisation.filter((o) => o.id === organisationId)
		: byOrganisation;
	const responses = counted.reduce((s, o) => s + o.responses, 0);
	const submitted = counted.reduce((s, o) => s + o.submitted, 0);
	const where = submittedSheets(evaluation.id, organisationId);

	const tallies = db
		.select({
			questionId: evaluationAnswers.questionId,
			value: evaluationAnswers.value,
			n: count()
		})
		.from(evaluationAnswers)
		.innerJoin(evaluationResponses, eq(evaluationAnswers.responseId, evaluationResponses.id))
		.where(and(where, isNotNull(evaluationAnswers.value)))
		.groupBy(evaluationAnswers.questionId, evaluationAnswers.value)
		.all();
	const texts = db
		.select({
			questionId: evaluationAnswers.questionId,
			text: evaluationAnswers.text,
			name: evaluationResponses.respondentName,
			organisationId: evaluationResponses.organisationId,
			organisation: organisations.shortName
		})
		.from(evaluationAnswers)
		.innerJoin(evaluationResponses, eq(evaluationAnswers.responseId, evaluationResponses.id))
		.innerJoin(organisations, eq(evaluationResponses.organisationId, organisations.id))
		.where(and(where, sql`length(trim(${evaluationAnswers.text})) > 0`))
		.orderBy(asc(evaluationResponses.submittedAt), asc(evaluationResponses.id))
		.all();

	const questions: QuestionResult[] = templateQuestions(db, evaluation.templateId).map((q) => {
		const { counts, labels } = emptyCounts(q, filter.locale);
		for (const t of tallies) {
			if (t.questionId !== q.id || t.value === null) continue;
			const i = slot(q.kind, t.value, counts.length);
			if (i >= 0) counts[i] += t.n;
		}
		const answers = texts
			.filter((t) => t.questionId === q.id)
			.map((t) => {
				const shown = showsRespondent(filter.viewer, evaluation.anonymous, t.organisationId);
				return {
					text: t.text!,
					name: shown ? t.name : null,
					organisation: shown ? t.organisation : null
				};
			});
		return {
			id: q.id,
			position: q.position,
			code: q.code,
			kind: q.kind,
			text: questionText(q, filter.locale),
			n: q.kind === 'text' ? answers.length : counts.reduce((s, c) => s + c, 0),
			counts,
			labels,
			mean: q.kind === 'rating' ? meanOf(counts) : null,
			answers
		};
	});
	return {
		evaluation,
		organisations: byOrganisation,
		organisationId: organisationId ?? null,
		responses,
		submitted,
		rate: responseRate(submitted, responses),
		questions
	};
}

/** The report's few lines: response rate and the mean of each rating question. */
export function evaluationSummary(db: Tx, visitId: number, filter: ResultsFilter) {
	const results = evaluationResults(db, visitId, filter);
	if (!results) return null;
	const { responses, submitted, rate } = results;
	const ratings = results.questions
		.filter((q) => q.kind === 'rating')
		.map(({ id, position, text, n, mean }) => ({ id, position, text, n, mean }));
	return { responses, submitted, rate, ratings };
}
