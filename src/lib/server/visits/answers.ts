// How invited organisations answer a proposal: accept, decline with a reason, or put other dates
// forward for the proposer to accept or not. Each organisation of a meeting answers for itself.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { dateProposals, organisations, visitOrganisations, visits } from '../db/schema';
import { recordAudit } from '../audit/log';
import { notify } from '../notifications/in-app';
import { counterparts, type VisitTarget } from '../policy';
import { orgName, participantIds, type Ctx } from './workflow';
import type { VisitStatus } from '$lib/enums';
import { VISIT_STATUS, awaitsAnswers } from '$lib/visit-lifecycle';

type Visit = VisitTarget & { id: number; title: string };

/**
 * The visit's status once the answers are in. An exchange goes ahead when its counterpart
 * accepts; a meeting as soon as one invited organisation accepts, and is declined only when
 * every one of them has.
 */
export function statusAfterAnswers(
	visit: Pick<VisitTarget, 'kind' | 'status' | 'proposerOrganisationId' | 'participants'>
): { status: VisitStatus; declinedBy?: number } {
	if (!awaitsAnswers(visit.status)) return { status: visit.status };
	const answering = visit.participants.filter((p) =>
		counterparts(visit as VisitTarget).includes(p.organisationId)
	);
	const accepted = answering.filter((p) => p.response === 'accepted');
	const declined = answering.filter((p) => p.response === 'declined');
	if (visit.kind === 'exchange') {
		if (declined.length) {
			return { status: VISIT_STATUS.declined, declinedBy: declined[0].organisationId };
		}
		if (answering.length && accepted.length === answering.length) {
			return { status: VISIT_STATUS.accepted };
		}
		return { status: VISIT_STATUS.proposed };
	}
	if (accepted.length) return { status: VISIT_STATUS.accepted };
	if (answering.length && declined.length === answering.length) {
		return { status: VISIT_STATUS.declined, declinedBy: declined[0].organisationId };
	}
	return { status: VISIT_STATUS.proposed };
}

function settle(
	tx: Tx,
	ctx: Ctx,
	visit: Visit,
	organisationId: number,
	response: 'accepted' | 'declined',
	reason: string
) {
	const now = new Date();
	tx.update(visitOrganisations)
		.set({ response, reason: response === 'declined' ? reason : null, respondedAt: now })
		.where(
			and(
				eq(visitOrganisations.visitId, visit.id),
				eq(visitOrganisations.organisationId, organisationId)
			)
		)
		.run();
	// An answer ends that organisation's open counter-proposal.
	tx.update(dateProposals)
		.set({ status: 'withdrawn', answeredAt: now })
		.where(
			and(
				eq(dateProposals.visitId, visit.id),
				eq(dateProposals.organisationId, organisationId),
				eq(dateProposals.status, 'open')
			)
		)
		.run();
	// Decided on what is stored now, not on the copy read before: two answers at once, or an
	// answer racing a cancellation, must not undo each other.
	const current = tx
		.select({ status: visits.status })
		.from(visits)
		.where(eq(visits.id, visit.id))
		.get();
	const participants = tx
		.select({
			organisationId: visitOrganisations.organisationId,
			role: visitOrganisations.role,
			response: visitOrganisations.response
		})
		.from(visitOrganisations)
		.where(eq(visitOrganisations.visitId, visit.id))
		.all();
	if (!current) return visit.status;
	const next = statusAfterAnswers({ ...visit, status: current.status, participants });
	if (next.status !== current.status) {
		tx.update(visits)
			.set({
				status: next.status,
				statusReason: next.status === VISIT_STATUS.declined ? reason : null,
				updatedAt: now
			})
			.where(and(eq(visits.id, visit.id), eq(visits.status, current.status)))
			.run();
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: visit.id,
			action: next.status,
			changes: { status: next.status }
		});
	}
	return next.status;
}

/** Records one organisation's answer; the proposer's coordinators hear of it. */
export function answerVisit(
	db: DB,
	ctx: Ctx,
	visit: Visit,
	organisationId: number,
	response: 'accepted' | 'declined',
	reason: string
) {
	return db.transaction((tx) => {
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: visit.id,
			action: 'answered',
			changes: { organisationId, response, ...(reason ? { reason } : {}) }
		});
		const status = settle(tx, ctx, visit, organisationId, response, reason);
		notify(tx, {
			kind: 'visit_answered',
			visitId: visit.id,
			organisationIds: [visit.proposerOrganisationId, visit.hostOrganisationId],
			actorId: ctx.actorId,
			payload: { title: visit.title, organisation: orgName(tx, organisationId), response, reason },
			origin: ctx.origin
		});
		return status;
	});
}

/** Puts other dates forward for one invited organisation; its earlier open proposal is withdrawn. */
export function proposeDates(
	db: DB,
	ctx: Ctx,
	visit: Visit,
	input: { organisationId: number; startsOn: string; endsOn: string; note: string }
) {
	return db.transaction((tx) => {
		tx.update(dateProposals)
			.set({ status: 'withdrawn', answeredAt: new Date() })
			.where(
				and(
					eq(dateProposals.visitId, visit.id),
					eq(dateProposals.organisationId, input.organisationId),
					eq(dateProposals.status, 'open')
				)
			)
			.run();
		const { id } = tx
			.insert(dateProposals)
			.values({ ...input, visitId: visit.id, createdById: ctx.actorId })
			.returning({ id: dateProposals.id })
			.get();
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: visit.id,
			action: 'dates_proposed',
			changes: {
				organisationId: input.organisationId,
				startsOn: input.startsOn,
				endsOn: input.endsOn
			}
		});
		notify(tx, {
			kind: 'visit_dates_proposed',
			visitId: visit.id,
			organisationIds: [visit.proposerOrganisationId],
			actorId: ctx.actorId,
			payload: {
				title: visit.title,
				organisation: orgName(tx, input.organisationId),
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				note: input.note
			},
			origin: ctx.origin
		});
		return id;
	});
}

export function openDateProposals(db: DB, visitId: number) {
	return db
		.select({
			id: dateProposals.id,
			organisationId: dateProposals.organisationId,
			organisation: organisations.name,
			startsOn: dateProposals.startsOn,
			endsOn: dateProposals.endsOn,
			note: dateProposals.note,
			createdAt: dateProposals.createdAt
		})
		.from(dateProposals)
		.innerJoin(organisations, eq(dateProposals.organisationId, organisations.id))
		.where(and(eq(dateProposals.visitId, visitId), eq(dateProposals.status, 'open')))
		.orderBy(asc(dateProposals.createdAt))
		.all();
}

/**
 * The proposer's answer to other dates. Accepted: the visit takes those dates (its version moves
 * on, so an edit opened before fails safely) and the organisation that asked for them has accepted.
 */
export function answerDates(db: DB, ctx: Ctx, visit: Visit, proposalId: number, accept: boolean) {
	return db.transaction((tx) => {
		const proposal = tx
			.select()
			.from(dateProposals)
			.where(and(eq(dateProposals.id, proposalId), eq(dateProposals.visitId, visit.id)))
			.get();
		if (!proposal || proposal.status !== 'open') return false;
		const now = new Date();
		tx.update(dateProposals)
			.set({ status: accept ? 'accepted' : 'rejected', answeredAt: now })
			.where(eq(dateProposals.id, proposalId))
			.run();
		if (accept) {
			const current = tx
				.select({ version: visits.version })
				.from(visits)
				.where(eq(visits.id, visit.id))
				.get()!;
			tx.update(visits)
				.set({
					startsOn: proposal.startsOn,
					endsOn: proposal.endsOn,
					version: current.version + 1,
					updatedAt: now
				})
				.where(eq(visits.id, visit.id))
				.run();
			// Other organisations' proposals were for dates that are no longer on the table.
			tx.update(dateProposals)
				.set({ status: 'withdrawn', answeredAt: now })
				.where(
					and(
						eq(dateProposals.visitId, visit.id),
						eq(dateProposals.status, 'open'),
						ne(dateProposals.id, proposalId)
					)
				)
				.run();
		}
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: visit.id,
			action: accept ? 'dates_accepted' : 'dates_rejected',
			changes: {
				organisationId: proposal.organisationId,
				startsOn: proposal.startsOn,
				endsOn: proposal.endsOn
			}
		});
		if (accept) {
			settle(tx, ctx, visit, proposal.organisationId, 'accepted', '');
			notify(tx, {
				kind: 'visit_dates_changed',
				visitId: visit.id,
				organisationIds: participantIds(tx, visit.id).filter((o) => o !== proposal.organisationId),
				actorId: ctx.actorId,
				payload: {
					title: visit.title,
					organisation: orgName(tx, visit.proposerOrganisationId),
					startsOn: proposal.startsOn,
					endsOn: proposal.endsOn
				},
				origin: ctx.origin
			});
		}
		notify(tx, {
			kind: 'visit_dates_answered',
			visitId: visit.id,
			organisationIds: [proposal.organisationId],
			actorId: ctx.actorId,
			payload: {
				title: visit.title,
				organisation: orgName(tx, visit.proposerOrganisationId),
				response: accept ? 'accepted' : 'rejected',
				startsOn: proposal.startsOn,
				endsOn: proposal.endsOn
			},
			origin: ctx.origin
		});
		return true;
	});
}
