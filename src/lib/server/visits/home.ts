// What each person sees first: what waits for them, what is coming, what is stuck.
import { and, asc, desc, eq, gte, inArray, lt, max, ne, sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DB } from '../db';
import {
	auditEvents,
	dateProposals,
	organisations,
	visitOrganisations,
	visits
} from '../db/schema';
import { UPCOMING, VISIT_STATUS } from '$lib/visit-lifecycle';

const summary = {
	id: visits.id,
	title: visits.title,
	kind: visits.kind,
	status: visits.status,
	startsOn: visits.startsOn,
	endsOn: visits.endsOn,
	timeZone: visits.timeZone,
	hostOrganisationId: visits.hostOrganisationId,
	host: organisations.shortName
};

/** Proposals addressed to organisations the person coordinates, not yet answered. */
export function awaitingMyAnswer(db: DB, coordinated: number[]) {
	if (!coordinated.length) return [];
	return db
		.select({ ...summary, forOrganisationId: visitOrganisations.organisationId })
		.from(visitOrganisations)
		.innerJoin(visits, eq(visitOrganisations.visitId, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.where(
			and(
				inArray(visitOrganisations.organisationId, coordinated),
				eq(visitOrganisations.response, 'invited'),
				inArray(visits.status, UPCOMING)
			)
		)
		.orderBy(asc(visits.startsOn))
		.limit(50)
		.all();
}

/** Other dates a partner put forward on visits the person's organisations proposed. */
export function datesAwaitingMyAnswer(db: DB, coordinated: number[]) {
	if (!coordinated.length) return [];
	return db
		.select({
			...summary,
			proposedStartsOn: dateProposals.startsOn,
			proposedEndsOn: dateProposals.endsOn
		})
		.from(dateProposals)
		.innerJoin(visits, eq(dateProposals.visitId, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.where(
			and(
				eq(dateProposals.status, 'open'),
				eq(visits.status, VISIT_STATUS.proposed),
				inArray(visits.proposerOrganisationId, coordinated)
			)
		)
		.orderBy(asc(dateProposals.createdAt))
		.limit(50)
		.all();
}

/** Visits of these organisations still to come or under way, soonest first. */
export function upcomingVisits(db: DB, organisationIds: number[], now = new Date()) {
	if (!organisationIds.length) return [];
	// A day's margin either way: "today" differs across the network's time zones.
	const yesterday = format(new TZDate(now.getTime() - 86_400_000, 'UTC'), 'yyyy-MM-dd');
	return db
		.selectDistinct(summary)
		.from(visitOrganisations)
		.innerJoin(visits, eq(visitOrganisations.visitId, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.where(
			and(
				inArray(visitOrganisations.organisationId, organisationIds),
				ne(visitOrganisations.response, 'declined'),
				inArray(visits.status, UPCOMING),
				gte(visits.endsOn, yesterday)
			)
		)
		.orderBy(asc(visits.startsOn))
		.limit(10)
		.all();
}

/** For staff: proposals sent more than `days` ago that someone has still not answered. */
export function staleProposals(db: DB, days = 14, now = new Date()) {
	const cutoff = new Date(now.getTime() - days * 86_400_000);
	const sent = db
		.select({
			visitId: sql<string>`${auditEvents.entityId}`.as('visit_id'),
			sentAt: max(auditEvents.at).as('sent_at')
		})
		.from(auditEvents)
		.where(and(eq(auditEvents.entity, 'visit'), eq(auditEvents.action, VISIT_STATUS.proposed)))
		.groupBy(auditEvents.entityId)
		.as('sent');
	return db
		.select({ ...summary, sentAt: sent.sentAt })
		.from(visits)
		.innerJoin(sent, eq(sql`CAST(${sent.visitId} AS INTEGER)`, visits.id))
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.where(and(eq(visits.status, VISIT_STATUS.proposed), lt(sent.sentAt, sql`${cutoff.getTime()}`)))
		.orderBy(asc(sent.sentAt))
		.limit(50)
		.all()
		.map((v) => ({ ...v, sentAt: new Date(Number(v.sentAt)) }));
}

/** Drafts of the person's organisations, not yet sent. */
export function myDrafts(db: DB, organisationIds: number[]) {
	if (!organisationIds.length) return [];
	return db
		.select(summary)
		.from(visits)
		.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id))
		.where(
			and(
				eq(visits.status, VISIT_STATUS.draft),
				inArray(visits.proposerOrganisationId, organisationIds)
			)
		)
		.orderBy(desc(visits.updatedAt))
		.limit(20)
		.all();
}
