// Moving a visit through its lifecycle (the moves of visit-lifecycle.ts), and deleting a draft.
// Every move is one transaction with its audit event and its notifications; the policy has already
// said the actor may make it.
import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { visits } from '../db/schema';
import { recordAudit } from '../audit/log';
import { notify } from '../notifications/in-app';
import type { VisitTarget } from '../policy';
import {
	TRANSITIONS,
	VISIT_STATUS,
	nextStatus,
	unmet,
	type Transition
} from '$lib/visit-lifecycle';
import { keepFromAutoCompletion } from './completion';
import { orgName, participantIds, proposedNotice, type Ctx } from './workflow';

/**
 * Moves a visit along the lifecycle; refuses (false) if its status changed in the meantime or a
 * reason the move needs is missing. A reopened visit is told apart in its history and notices.
 */
export function moveVisit(
	db: DB,
	ctx: Ctx,
	target: VisitTarget & { id: number; title: string },
	transition: Transition,
	reason?: string,
	actingOrganisationId?: number
): boolean {
	return db.transaction((tx) => {
		const current = tx
			.select({ status: visits.status })
			.from(visits)
			.where(eq(visits.id, target.id))
			.get();
		const to = current && nextStatus(current.status, transition);
		if (!to || unmet(TRANSITIONS[transition], { reason }).includes('reason')) return false;
		const reopen = transition === 'reopen';
		// Reopened, a visit whose last day is over must not be completed again behind staff's back.
		if (reopen) keepFromAutoCompletion(tx, target.id, new Date());
		tx.update(visits)
			.set({
				status: to,
				// An edit opened before the move must not land on a visit that has moved on.
				version: sql`${visits.version} + 1`,
				statusReason: transition === 'cancel' ? (reason ?? null) : undefined,
				updatedAt: new Date()
			})
			.where(eq(visits.id, target.id))
			.run();
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: target.id,
			action: reopen ? 'reopened' : to,
			changes: {
				status: to,
				...(reopen ? { from: current.status } : {}),
				...(reason ? { reason } : {})
			}
		});
		if (transition === 'send') {
			proposedNotice(tx, ctx, target.id, target.title, target);
		} else {
			notify(tx, {
				kind: transition === 'cancel' ? 'visit_cancelled' : 'visit_status',
				visitId: target.id,
				organisationIds: participantIds(tx, target.id),
				actorId: ctx.actorId,
				payload: {
					title: target.title,
					status: to,
					reason: reason ?? '',
					organisation: actingOrganisationId ? orgName(tx, actingOrganisationId) : '',
					...(reopen ? { reopened: 1 } : {})
				},
				origin: ctx.origin
			});
		}
		return true;
	});
}

/** Deletes a draft nobody else has seen; false if it was sent (or deleted) in the meantime. */
export function deleteDraft(db: DB, ctx: Ctx, visitId: number) {
	return db.transaction((tx) => {
		const draft = tx
			.select({ title: visits.title })
			.from(visits)
			.where(and(eq(visits.id, visitId), eq(visits.status, VISIT_STATUS.draft)))
			.get();
		if (!draft) return false;
		tx.delete(visits).where(eq(visits.id, visitId)).run();
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: visitId,
			action: 'deleted',
			changes: { title: draft.title }
		});
		return true;
	});
}
