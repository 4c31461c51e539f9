// Evaluations across the network, for staff (/evaluations): the overall rating (question code
// `overall`, whatever the template version) and the response rate per visit, theme, year and host,
// and the visits that took place without any submitted sheet. Means are over every submitted
// answer of the group (a visit with ten sheets weighs more than one with two).
import { and, asc, count, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { readAside } from '../db/reader';
import {
	evaluationAnswers,
	evaluationQuestions,
	evaluationResponses,
	evaluations,
	organisations,
	themes,
	visitThemes,
	visits
} from '../db/schema';
import { qualified as q } from '../db/schema/columns';
import { responseRate } from './results';
import { TOOK_PLACE } from '$lib/visit-lifecycle';

export const OVERVIEW_PAGE_SIZE = 25;
export const OVERALL_CODE = 'overall';
type Tally = {
	responses: number | null;
	submitted: number | null;
	total: number | null;
	n: number | null;
};

/** Ids of the `overall` rating question in every template version. */
const overallQuestions = (db: Tx) =>
	db
		.select({ id: evaluationQuestions.id })
		.from(evaluationQuestions)
		.where(and(eq(evaluationQuestions.code, OVERALL_CODE), eq(evaluationQuestions.kind, 'rating')));

/**
 * One row per evaluation: sheets sent and submitted, sum and count of its overall ratings. A
 * sheet has at most one overall answer (one such question per template), so the join does not
 * multiply sheets.
 */
function perEvaluation(db: Tx) {
	return db
		.select({
			evaluationId: evaluations.id,
			visitId: evaluations.visitId,
			year: sql<string>`substr(${visits.startsOn}, 1, 4)`.as('year'),
			hostId: visits.hostOrganisationId,
			responses: sql<number>`count(${evaluationResponses.id})`.as('responses'),
			submitted: sql<number>`count(${evaluationResponses.submittedAt})`.as('submitted'),
			total: sql<number>`coalesce(sum(${evaluationAnswers.value}), 0)`.as('total'),
			n: sql<number>`count(${evaluationAnswers.value})`.as('n')
		})
		.from(evaluations)
		.innerJoin(visits, eq(evaluations.visitId, visits.id))
		.leftJoin(evaluationResponses, eq(evaluationResponses.evaluationId, evaluations.id))
		.leftJoin(
			evaluationAnswers,
			and(
				eq(evaluationAnswers.responseId, evaluationResponses.id),
				isNotNull(evaluationResponses.submittedAt),
				inArray(evaluationAnswers.questionId, overallQuestions(db))
			)
		)
		.groupBy(evaluations.id);
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

/**
 * The network, theme, year and host figures in ONE statement: the per-evaluation rows are a CTE
 * used by every arm of the union, which SQLite then computes once (it materialises a CTE used
 * more than once) instead of once per grouping.
 */
function rollUp(db: Tx) {
	const per = db.$with('per').as(perEvaluation(db));
	const sums = {
		evaluated: sql<number>`count(*)`,
		responses: sql<number>`sum(${per.responses})`,
		submitted: sql<number>`sum(${per.submitted})`,
		total: sql<number>`sum(${per.total})`,
		n: sql<number>`sum(${per.n})`
	};
	const arm = (group: string) => sql<string>`${group}`.as('grouping');
	return db
		.with(per)
		.select({ grouping: arm('network'), key: sql<string | number | null>`NULL`, ...sums })
		.from(per)
		.unionAll(
			db
				.select({ grouping: arm('year'), key: sql<string | number | null>`${per.year}`, ...sums })
				.from(per)
				.groupBy(sql`${per.year}`)
		)
		.unionAll(
			db
				.select({ grouping: arm('host'), key: sql<string | number | null>`${per.hostId}`, ...sums })
				.from(per)
				.groupBy(sql`${per.hostId}`)
		)
		.unionAll(
			db
				.select({
					grouping: arm('theme'),
					key: sql<string | number | null>`${visitThemes.themeId}`,
					...sums
				})
				.from(per)
				.innerJoin(visitThemes, eq(visitThemes.visitId, per.visitId))
				.groupBy(visitThemes.themeId)
		)
		.all()
		.map(figures);
}

export function evaluationsOverview(db: Tx, page: OverviewPages = {}) {
	const rows = rollUp(db);
	const network = rows.find((r) => r.grouping === 'network')!;
	const of = (grouping: string) => rows.filter((r) => r.grouping === grouping);

	const perYear = of('year')
		.map((r) => ({ ...r, year: String(r.key) }))
		.sort((a, b) => b.year.localeCompare(a.year));

	const themeRows = new Map(of('theme').map((r) => [Number(r.key), r]));
	const perTheme = db
		.select()
		.from(themes)
		.orderBy(asc(themes.slug))
		.all()
		.flatMap((t) => {
			const r = themeRows.get(t.id);
			return r ? [{ ...r, ...t }] : [];
		});

	// Hosts sorted by name (at most one row per organisation), then the page shown.
	const hostRows = new Map(of('host').map((r) => [Number(r.key), r]));
	const hostNames = hostRows.size
		? db
				.select({ id: organisations.id, name: organisations.shortName })
				.from(organisations)
				.where(inArray(organisations.id, [...hostRows.keys()]))
				.orderBy(asc(organisations.shortName), asc(organisations.id))
				.all()
		: [];
	const perHost = hostNames
		.slice(offset(page.hosts ?? 1), offset(page.hosts ?? 1) + OVERVIEW_PAGE_SIZE)
		.map((h) => ({ ...hostRows.get(h.id)!, ...h }));

	// The page of visits first, then the figures of those visits only.
	const visitPage = db
		.select({
			evaluationId: evaluations.id,
			id: visits.id,
			title: visits.title,
			startsOn: visits.startsOn,
			host: organisations.shortName
		})
		.from(evaluations)
		.innerJoin(visits, eq(evaluations.visitId, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.orderBy(desc(visits.startsOn), desc(visits.id))
		.limit(OVERVIEW_PAGE_SIZE)
		.offset(offset(page.visits ?? 1))
		.all();
	const pageFigures = visitPage.length
		? perEvaluation(db)
				.where(
					inArray(
						evaluations.id,
						visitPage.map((v) => v.evaluationId)
					)
				)
				.all()
		: [];
	const perVisit = visitPage.map((v) =>
		figures({ ...pageFigures.find((f) => f.evaluationId === v.evaluationId)!, ...v })
	);

	return {
		network: { ...network, evaluated: network.evaluated ?? 0 },
		perVisit,
		visitPages: pages(network.evaluated ?? 0),
		perTheme,
		perYear,
		perHost,
		hostPages: pages(hostNames.length),
		...notEvaluated(db, page.missing ?? 1)
	};
}

/**
 * Visits that took place with no evaluation opened, or no sheet submitted yet. The page's ids and
 * the total come from one narrow scan (a window count); the details are read for those ids only.
 */
function notEvaluated(db: Tx, page: number) {
	const evaluated = db
		.select({ visitId: evaluations.visitId })
		.from(evaluations)
		.innerJoin(evaluationResponses, eq(evaluationResponses.evaluationId, evaluations.id))
		.where(isNotNull(evaluationResponses.submittedAt));
	const where = and(inArray(visits.status, TOOK_PLACE), notInArray(visits.id, evaluated));
	const ids = db
		.select({ id: visits.id, total: sql<number>`count(*) OVER ()` })
		.from(visits)
		.where(where)
		.orderBy(desc(visits.endsOn), desc(visits.id))
		.limit(OVERVIEW_PAGE_SIZE)
		.offset(offset(page))
		.all();
	// Past the last page the window has no row to speak: count alone.
	const total = ids.length
		? ids[0].total
		: (db.select({ n: count() }).from(visits).where(where).get()?.n ?? 0);
	const details = ids.length
		? db
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
				.where(
					inArray(
						visits.id,
						ids.map((r) => r.id)
					)
				)
				.all()
		: [];
	const missing = ids.map((r) => details.find((d) => d.id === r.id)!);
	return { missing, missingTotal: total, missingPages: pages(total) };
}

export type EvaluationsOverview = ReturnType<typeof evaluationsOverview>;

/**
 * One host's figures (its profile page): the visits it hosted that were evaluated. Read on the
 * reader thread (db/reader.ts): for the busiest host at the benchmark's scale it sums 3 600
 * evaluations (40 ms), which no other request should wait for.
 */
export async function hostEvaluationSummary(db: DB, organisationId: number) {
	const query = perEvaluation(db).where(eq(visits.hostOrganisationId, organisationId));
	const fields = [
		'evaluationId',
		'visitId',
		'year',
		'hostId',
		'responses',
		'submitted',
		'total',
		'n'
	];
	const rows = (await readAside(db, query, fields)) as Record<string, number | null>[];
	const sum = (k: 'responses' | 'submitted' | 'total' | 'n') =>
		rows.reduce((s, r) => s + (r[k] ?? 0), 0);
	return figures({
		evaluated: rows.length,
		responses: sum('responses'),
		submitted: sum('submitted'),
		total: sum('total'),
		n: sum('n')
	});
}
