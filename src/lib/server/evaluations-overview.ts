// Evaluations across the network, for staff (/evaluations): the overall rating (question code
// `overall`, whatever the template version) and the response rate per visit, theme, year and host,
// and the visits that took place without any submitted sheet. Means are over every submitted
// answer of the group (a visit with ten sheets weighs more than one with two).
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from './db';
import {
	evaluationAnswers,
	evaluationQuestions,
	evaluationResponses,
	evaluations,
	organisations,
	themes,
	visitThemes,
	visits
} from './db/schema';
import { qualified as q } from './db/schema/columns';
import { responseRate } from './evaluation-results';

export const OVERVIEW_PAGE_SIZE = 25;
export const OVERALL_CODE = 'overall';
/** Visits that took place: their evaluation is expected. */
const TOOK_PLACE = ['completed', 'closed'] as const;

type Tally = {
	responses: number | null;
	submitted: number | null;
	total: number | null;
	n: number | null;
};

/** Sheets sent and submitted per evaluation; overall ratings of submitted sheets per evaluation. */
function subqueries(db: Tx) {
	const sheets = db
		.select({
			evaluationId: evaluationResponses.evaluationId,
			responses: sql<number>`count(*)`.as('responses'),
			submitted: sql<number>`count(${evaluationResponses.submittedAt})`.as('submitted')
		})
		.from(evaluationResponses)
		.groupBy(evaluationResponses.evaluationId)
		.as('sheets');
	const overall = db
		.select({
			evaluationId: evaluationResponses.evaluationId,
			total: sql<number>`sum(${evaluationAnswers.value})`.as('total'),
			n: sql<number>`count(*)`.as('n')
		})
		.from(evaluationAnswers)
		.innerJoin(evaluationResponses, eq(evaluationAnswers.responseId, evaluationResponses.id))
		.innerJoin(evaluationQuestions, eq(evaluationAnswers.questionId, evaluationQuestions.id))
		.where(
			and(
				eq(evaluationQuestions.code, OVERALL_CODE),
				eq(evaluationQuestions.kind, 'rating'),
				isNotNull(evaluationResponses.submittedAt),
				isNotNull(evaluationAnswers.value)
			)
		)
		.groupBy(evaluationResponses.evaluationId)
		.as('overall');
	const tally = {
		evaluated: sql<number>`count(${evaluations.id})`,
		responses: sql<number>`sum(${sheets.responses})`,
		submitted: sql<number>`sum(${sheets.submitted})`,
		total: sql<number>`sum(${overall.total})`,
		n: sql<number>`sum(${overall.n})`
	};
	return { sheets, overall, tally };
}

/** Sums to figures: the mean overall rating and the response rate. */
function figures<T extends Tally>(row: T) {
	const responses = row.responses ?? 0;
	const submitted = row.submitted ?? 0;
	const n = row.n ?? 0;
	return {
		...row,
		responses,
		submitted,
		n,
		mean: n ? (row.total ?? 0) / n : null,
		rate: responseRate(submitted, responses)
	};
}

const offset = (page: number) => (Math.max(1, page) - 1) * OVERVIEW_PAGE_SIZE;
const pages = (total: number) => Math.max(1, Math.ceil(total / OVERVIEW_PAGE_SIZE));

export type OverviewPages = { visits?: number; hosts?: number; missing?: number };

export function evaluationsOverview(db: Tx, page: OverviewPages = {}) {
	const { sheets, overall, tally } = subqueries(db);
	const network = figures(
		db
			.select(tally)
			.from(evaluations)
			.leftJoin(sheets, eq(sheets.evaluationId, evaluations.id))
			.leftJoin(overall, eq(overall.evaluationId, evaluations.id))
			.get()!
	);

	const perVisit = db
		.select({
			id: visits.id,
			title: visits.title,
			startsOn: visits.startsOn,
			host: organisations.shortName,
			...tally
		})
		.from(evaluations)
		.innerJoin(visits, eq(evaluations.visitId, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.leftJoin(sheets, eq(sheets.evaluationId, evaluations.id))
		.leftJoin(overall, eq(overall.evaluationId, evaluations.id))
		.groupBy(evaluations.id)
		.orderBy(desc(visits.startsOn), desc(visits.id))
		.limit(OVERVIEW_PAGE_SIZE)
		.offset(offset(page.visits ?? 1))
		.all()
		.map(figures);

	const perTheme = db
		.select({
			id: themes.id,
			nameFr: themes.nameFr,
			nameEn: themes.nameEn,
			nameEs: themes.nameEs,
			nameAr: themes.nameAr,
			...tally
		})
		.from(evaluations)
		.innerJoin(visitThemes, eq(visitThemes.visitId, evaluations.visitId))
		.innerJoin(themes, eq(visitThemes.themeId, themes.id))
		.leftJoin(sheets, eq(sheets.evaluationId, evaluations.id))
		.leftJoin(overall, eq(overall.evaluationId, evaluations.id))
		.groupBy(themes.id)
		.orderBy(asc(themes.slug))
		.all()
		.map(figures);

	const year = sql<string>`substr(${visits.startsOn}, 1, 4)`;
	const perYear = db
		.select({ year, ...tally })
		.from(evaluations)
		.innerJoin(visits, eq(evaluations.visitId, visits.id))
		.leftJoin(sheets, eq(sheets.evaluationId, evaluations.id))
		.leftJoin(overall, eq(overall.evaluationId, evaluations.id))
		.groupBy(year)
		.orderBy(desc(year))
		.all()
		.map(figures);

	const hostCount =
		db
			.select({ n: sql<number>`count(DISTINCT ${visits.hostOrganisationId})` })
			.from(evaluations)
			.innerJoin(visits, eq(evaluations.visitId, visits.id))
			.get()?.n ?? 0;
	const perHost = db
		.select({ id: organisations.id, name: organisations.shortName, ...tally })
		.from(evaluations)
		.innerJoin(visits, eq(evaluations.visitId, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.leftJoin(sheets, eq(sheets.evaluationId, evaluations.id))
		.leftJoin(overall, eq(overall.evaluationId, evaluations.id))
		.groupBy(organisations.id)
		.orderBy(asc(organisations.shortName), asc(organisations.id))
		.limit(OVERVIEW_PAGE_SIZE)
		.offset(offset(page.hosts ?? 1))
		.all()
		.map(figures);

	const missing = notEvaluated(db, page.missing ?? 1);
	return {
		network,
		perVisit,
		visitPages: pages(network.evaluated),
		perTheme,
		perYear,
		perHost,
		hostPages: pages(hostCount),
		...missing
	};
}

/** Visits that took place with no evaluation opened, or no sheet submitted yet. */
function notEvaluated(db: Tx, page: number) {
	const submitted = sql`EXISTS (SELECT 1 FROM ${evaluationResponses} WHERE ${q(evaluationResponses.evaluationId)} = ${q(evaluations.id)} AND ${q(evaluationResponses.submittedAt)} IS NOT NULL)`;
	const where = and(inArray(visits.status, [...TOOK_PLACE]), sql`NOT ${submitted}`);
	const total =
		db
			.select({ n: count() })
			.from(visits)
			.leftJoin(evaluations, eq(evaluations.visitId, visits.id))
			.where(where)
			.get()?.n ?? 0;
	const rows = db
		.select({
			id: visits.id,
			title: visits.title,
			endsOn: visits.endsOn,
			host: organisations.shortName,
			evaluationId: evaluations.id,
			responses: sql<number>`(SELECT count(*) FROM ${evaluationResponses} WHERE ${q(evaluationResponses.evaluationId)} = ${q(evaluations.id)})`
		})
		.from(visits)
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.leftJoin(evaluations, eq(evaluations.visitId, visits.id))
		.where(where)
		.orderBy(desc(visits.endsOn), desc(visits.id))
		.limit(OVERVIEW_PAGE_SIZE)
		.offset(offset(page))
		.all();
	return { missing: rows, missingTotal: total, missingPages: pages(total) };
}

export type EvaluationsOverview = ReturnType<typeof evaluationsOverview>;
