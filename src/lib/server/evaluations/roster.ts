// Who should answer a visit's evaluation and where each person stands (not sent → sent → opened →
// draft → submitted), and the sheets waiting for a signed-in person.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { delegates, evaluationResponses, evaluations, organisations } from '../db/schema';
import { REMIND_GAP_MS, evaluationOf } from './links';

type Response = typeof evaluationResponses.$inferSelect;
const notSubmitted = isNull(evaluationResponses.submittedAt);

export const RESPONSE_STATUSES = ['not_sent', 'sent', 'opened', 'draft', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export function responseStatus(
	r: Pick<Response, 'sentAt' | 'firstOpenedAt' | 'savedAt' | 'submittedAt'> | null
): ResponseStatus {
	if (!r?.sentAt && !r?.firstOpenedAt) return 'not_sent';
	if (r.submittedAt) return 'submitted';
	if (r.savedAt) return 'draft';
	if (r.firstOpenedAt) return 'opened';
	return 'sent';
}

/**
 * Everyone who should answer: the visit's delegates (with their sheet, or none yet) and sheets
 * of delegates removed since, so an answer never disappears from the list.
 */
export function evaluationRoster(db: DB, visitId: number, now = new Date()) {
	const evaluation = evaluationOf(db, visitId);
	const cutoff = now.getTime() - REMIND_GAP_MS;
	const fromDelegates = db
		.select({
			delegateId: delegates.id,
			name: delegates.name,
			organisation: organisations.shortName,
			hasAddress: sql<number>`${delegates.email} IS NOT NULL OR ${delegates.userId} IS NOT NULL`,
			response: evaluationResponses
		})
		.from(delegates)
		.innerJoin(organisations, eq(delegates.organisationId, organisations.id))
		.leftJoin(
			evaluationResponses,
			and(
				eq(evaluationResponses.delegateId, delegates.id),
				eq(evaluationResponses.evaluationId, evaluation?.id ?? -1)
			)
		)
		.where(eq(delegates.visitId, visitId))
		.orderBy(asc(delegates.organisationId), asc(delegates.name), asc(delegates.id))
		.all();
	const orphans = evaluation
		? db
				.select({ response: evaluationResponses, organisation: organisations.shortName })
				.from(evaluationResponses)
				.innerJoin(organisations, eq(evaluationResponses.organisationId, organisations.id))
				.where(
					and(
						eq(evaluationResponses.evaluationId, evaluation.id),
						isNull(evaluationResponses.delegateId)
					)
				)
				.all()
				.map((o) => ({ delegateId: null, name: o.response.respondentName, hasAddress: 0, ...o }))
		: [];
	const rows = [...fromDelegates, ...orphans].map(({ response: r, hasAddress, ...rest }) => ({
		...rest,
		responseId: r?.id ?? null,
		status: responseStatus(r),
		hasAddress: !!hasAddress,
		sentAt: r?.sentAt ?? null,
		submittedAt: r?.submittedAt ?? null,
		remindedAt: r?.remindedAt ?? null,
		/** Reminded in the last 24 hours: the one-click reminder passes them by. */
		recentlyReminded: !!r?.remindedAt && r.remindedAt.getTime() > cutoff
	}));
	return { evaluation, rows };
}

/** Sheets waiting for this person (with an account): the home page lists them. */
export function pendingSheetsOf(db: DB, userId: number, now = new Date()) {
	return db
		.select({
			visitId: evaluations.visitId,
			title: sql<string>`(SELECT title FROM visits WHERE visits.id = ${evaluations.visitId})`,
			savedAt: evaluationResponses.savedAt
		})
		.from(evaluationResponses)
		.innerJoin(evaluations, eq(evaluationResponses.evaluationId, evaluations.id))
		.where(
			and(
				eq(evaluationResponses.userId, userId),
				notSubmitted,
				sql`${evaluationResponses.tokenExpiresAt} > ${now.getTime()}`,
				sql`${evaluationResponses.sentAt} IS NOT NULL`
			)
		)
		.orderBy(asc(evaluations.openedAt))
		.all();
}
