// Reminders to those who have not submitted their sheet: the one-click reminder (at most once per
// person per 24 hours), a resend to one person, and the automatic reminders 3 and 7 days after the
// link. The count in auto_reminders moves only through a guarded UPDATE (… WHERE auto_reminders =
// n) in the transaction of the mail, so a reminder goes out once, whatever runs the job and how
// often.
import { and, asc, eq, gt, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { DB } from '../db';
import { evaluationResponses, evaluations, visits } from '../db/schema';
import {
	REMIND_GAP_MS,
	evaluationOf,
	sendLink,
	type EvaluatedVisit,
	type EvaluationContext
} from './links';
import { recordAudit } from '../audit/log';
import type { Job } from '../jobs/marks';

const notSubmitted = isNull(evaluationResponses.submittedAt);

/**
 * Reminds everyone who has been sent a link and not submitted, except those reminded in the last
 * 24 hours (named in the result). The guarded UPDATE makes a double click remind once.
 */
export function remindAll(db: DB, ctx: EvaluationContext, visit: EvaluatedVisit) {
	const now = ctx.now ?? new Date();
	const cutoff = new Date(now.getTime() - REMIND_GAP_MS);
	return db.transaction(
		(tx) => {
			const evaluation = evaluationOf(tx, visit.id);
			if (!evaluation) return null;
			const waiting = tx
				.select()
				.from(evaluationResponses)
				.where(and(eq(evaluationResponses.evaluationId, evaluation.id), notSubmitted))
				.orderBy(asc(evaluationResponses.id))
				.all();
			const reminded: string[] = [];
			const skipped: string[] = [];
			const unreachable: string[] = [];
			for (const r of waiting) {
				if (!r.sentAt) {
					unreachable.push(r.respondentName);
					continue;
				}
				const free = tx
					.update(evaluationResponses)
					.set({ remindedAt: now })
					.where(
						and(
							eq(evaluationResponses.id, r.id),
							notSubmitted,
							or(
								isNull(evaluationResponses.remindedAt),
								lte(evaluationResponses.remindedAt, cutoff)
							)
						)
					)
					.run().changes;
				if (!free) skipped.push(r.respondentName);
				else if (sendLink(tx, ctx, visit, r, 'reminder')) reminded.push(r.respondentName);
				else unreachable.push(r.respondentName);
			}
			if (reminded.length) {
				recordAudit(tx, {
					actorId: ctx.actorId,
					entity: 'visit',
					entityId: visit.id,
					action: 'evaluation_reminded',
					changes: { reminded: reminded.length },
					at: now
				});
			}
			return { reminded, skipped, unreachable };
		},
		{ behavior: 'immediate' }
	);
}

/** Sends one person a fresh link (lost mail, new address); a submitted sheet needs none. */
export function resendLink(
	db: DB,
	ctx: EvaluationContext,
	visit: EvaluatedVisit,
	responseId: number
): 'sent' | 'submitted' | 'unreachable' | 'not_found' {
	return db.transaction(
		(tx) => {
			const r = tx
				.select()
				.from(evaluationResponses)
				.innerJoin(evaluations, eq(evaluationResponses.evaluationId, evaluations.id))
				.where(and(eq(evaluationResponses.id, responseId), eq(evaluations.visitId, visit.id)))
				.get()?.evaluation_responses;
			if (!r) return 'not_found';
			if (r.submittedAt) return 'submitted';
			return sendLink(tx, ctx, visit, r, 'open') ? 'sent' : 'unreachable';
		},
		{ behavior: 'immediate' }
	);
}

const DAY = 24 * 60 * 60_000;
export const AUTO_REMINDER_DAYS = [3, 7] as const;

/** How many automatic reminders are due `elapsed` ms after the first link. */
export function dueReminders(elapsed: number): number {
	return AUTO_REMINDER_DAYS.filter((d) => elapsed >= d * DAY).length;
}

export const evaluationReminders: Job = {
	name: 'evaluation-reminders',
	run(db: DB, now: Date, { origin }) {
		const candidates = db
			.select({
				response: evaluationResponses,
				visit: { id: visits.id, title: visits.title, languages: visits.languages }
			})
			.from(evaluationResponses)
			.innerJoin(evaluations, eq(evaluationResponses.evaluationId, evaluations.id))
			.innerJoin(visits, eq(evaluations.visitId, visits.id))
			.where(
				and(
					isNull(evaluationResponses.submittedAt),
					isNotNull(evaluationResponses.sentAt),
					lt(evaluationResponses.autoReminders, AUTO_REMINDER_DAYS.length),
					gt(evaluationResponses.tokenExpiresAt, now),
					lte(evaluationResponses.createdAt, new Date(now.getTime() - AUTO_REMINDER_DAYS[0] * DAY))
				)
			)
			.all();
		const done: string[] = [];
		for (const { response: r, visit } of candidates) {
			// Days since the sheet was first created for them (the evaluation's opening, or later).
			const due = dueReminders(now.getTime() - r.createdAt.getTime());
			if (due <= r.autoReminders) continue;
			// Someone was reminded by hand today: the automatic one waits for a later run.
			if (r.remindedAt && now.getTime() - r.remindedAt.getTime() < REMIND_GAP_MS) continue;
			const sent = db.transaction(
				(tx) => {
					// A job that missed days sends one reminder, not two at once.
					const claimed = tx
						.update(evaluationResponses)
						.set({ autoReminders: due })
						.where(
							and(
								eq(evaluationResponses.id, r.id),
								eq(evaluationResponses.autoReminders, r.autoReminders),
								isNull(evaluationResponses.submittedAt)
							)
						)
						.run().changes;
					return claimed > 0 && sendLink(tx, { actorId: null, origin, now }, visit, r, 'reminder');
				},
				{ behavior: 'immediate' }
			);
			if (sent) done.push(`response ${r.id} (visit ${visit.id}): reminder ${due}`);
		}
		return done;
	}
};
