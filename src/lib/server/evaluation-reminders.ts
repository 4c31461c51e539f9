// Automatic reminders 3 and 7 days after a sheet was sent, to those who have not submitted. The
// count in auto_reminders moves only through a guarded UPDATE (… WHERE auto_reminders = n) in the
// transaction of the mail, so a reminder goes out once, whatever runs the job and how often.
import { and, eq, gt, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import type { DB } from './db';
import { evaluationResponses, evaluations, visits } from './db/schema';
import { REMIND_GAP_MS, sendLink } from './evaluations';
import type { Job } from './job-marks';

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
