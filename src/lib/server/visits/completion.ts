// A visit becomes `completed` by itself once its last day is over where it takes place
// (DESIGN.md "Visit status"); coordinators may still complete it earlier by hand.
import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { DB, Tx } from '../db';
import { jobMarks, visitOrganisations, visits } from '../db/schema';
import { recordAudit } from '../audit/log';
import { notify } from '../notifications/in-app';
import { isMarked, once, type Job } from '../jobs/marks';
import { GOING_AHEAD, VISIT_STATUS, todayIn } from '$lib/visit-lifecycle';

export { todayIn };

const JOB = 'complete-finished-visits';
const key = (visitId: number) => `visit:${visitId}`;

/** Staff reopened the visit: the job leaves it alone from now on. */
export function keepFromAutoCompletion(tx: Tx, visitId: number, now: Date) {
	if (!isMarked(tx, JOB, key(visitId))) {
		tx.insert(jobMarks)
			.values({ job: JOB, key: key(visitId), doneAt: now })
			.run();
	}
}

export const completeFinishedVisits: Job = {
	name: JOB,
	run(db: DB, now: Date, { origin }) {
		// No time zone is a whole day ahead of UTC, so this bound keeps every finished visit and
		// leaves the exact check, zone by zone, to the loop.
		const bound = format(new TZDate(addDays(now, 1), 'UTC'), 'yyyy-MM-dd');
		const candidates = db
			.select({
				id: visits.id,
				title: visits.title,
				endsOn: visits.endsOn,
				timeZone: visits.timeZone
			})
			.from(visits)
			.where(and(inArray(visits.status, GOING_AHEAD), lt(visits.endsOn, bound)))
			.all();
		const done: string[] = [];
		for (const visit of candidates) {
			if (visit.endsOn >= todayIn(visit.timeZone, now)) continue;
			const completed = once(db, JOB, key(visit.id), now, (tx) => {
				// Only if nobody changed it meanwhile (completed or cancelled it by hand).
				const changed = tx
					.update(visits)
					// A new version, so an edit form opened before this is told the visit changed.
					.set({
						status: VISIT_STATUS.completed,
						version: sql`${visits.version} + 1`,
						updatedAt: now
					})
					.where(and(eq(visits.id, visit.id), inArray(visits.status, GOING_AHEAD)))
					.run().changes;
				if (!changed) return false;
				recordAudit(tx, {
					actorId: null,
					entity: 'visit',
					entityId: visit.id,
					action: VISIT_STATUS.completed,
					changes: { status: VISIT_STATUS.completed, automatic: true },
					at: now
				});
				const organisationIds = tx
					.select({ id: visitOrganisations.organisationId })
					.from(visitOrganisations)
					.where(
						and(
							eq(visitOrganisations.visitId, visit.id),
							ne(visitOrganisations.response, 'declined')
						)
					)
					.all()
					.map((o) => o.id);
				notify(tx, {
					kind: 'visit_status',
					visitId: visit.id,
					organisationIds,
					actorId: null,
					payload: { title: visit.title, status: VISIT_STATUS.completed },
					origin,
					at: now
				});
				return true;
			});
			if (completed) {
				done.push(`visit ${visit.id} completed (ended ${visit.endsOn}, ${visit.timeZone})`);
			}
		}
		return done;
	}
};
