// Reminders about follow-up actions: 7 days before the due date, on the day, then once a week
// while overdue. The unique (action, kind) row in reminders_sent is written in the transaction
// of the notification, so a reminder is never sent twice, whatever runs the job and how often.
import { and, eq, inArray, lte } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { DB, Tx } from '../db';
import { actions, memberships, organisations, remindersSent, users } from '../db/schema';
import { enqueueLetter } from '../notifications/outbox';
import { recordNotification } from '../notifications/in-app';
import { asRecipients, recipientColumns } from '../notifications/recipients';
import { reminderLetter, visitFacts } from '../notifications/letters';
import { PENDING } from './tracking';
import { todayIn } from '../visits/completion';
import type { Job } from '../jobs/marks';

/** Which reminder is due for an action on `today` (both YYYY-MM-DD), if any. */
export function reminderKind(dueOn: string, today: string): string | null {
	const days = differenceInCalendarDays(parseISO(dueOn), parseISO(today));
	if (days === 0) return 'due_today';
	if (days > 0) return days <= 7 ? 'due_in_7' : null;
	// Week 1 starts the day after the due date: overdue_week_1 goes out that day, week 2 a week on.
	return `overdue_week_${Math.ceil(-days / 7)}`;
}

/** The owner person if they can still sign in, else the owner organisation's coordinators. */
function recipients(tx: Tx, ownerUserId: number | null, organisationId: number) {
	const columns = recipientColumns;
	if (ownerUserId) {
		const person = tx
			.select(columns)
			.from(users)
			.where(and(eq(users.id, ownerUserId), eq(users.disabled, false)))
			.get();
		if (person) return [person];
	}
	return tx
		.selectDistinct(columns)
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.where(
			and(
				eq(memberships.organisationId, organisationId),
				eq(memberships.role, 'coordinator'),
				eq(users.disabled, false)
			)
		)
		.all();
}

/** Sends one reminder unless it went out already; returns whether it was sent now. */
export function sendReminder(
	db: DB,
	action: {
		id: number;
		visitId: number;
		title: string;
		dueOn: string;
		ownerUserId: number | null;
		ownerOrganisationId: number;
	},
	kind: string,
	now: Date,
	origin: string
): boolean {
	return db.transaction(
		(tx) => {
			const inserted = tx
				.insert(remindersSent)
				.values({ actionId: action.id, kind, sentAt: now })
				.onConflictDoNothing()
				.run().changes;
			if (!inserted) return false;
			const payload = {
				title: action.title,
				actionId: action.id,
				dueOn: action.dueOn,
				reminder: kind
			};
			const people = asRecipients(
				tx,
				recipients(tx, action.ownerUserId, action.ownerOrganisationId)
			);
			const visit = people.length ? visitFacts(tx, action.visitId) : undefined;
			for (const r of people) {
				const kind = 'action_reminder';
				if (recordNotification(tx, r.id, kind, action.visitId, payload, now) !== 'mail') continue;
				enqueueLetter(tx, r.email, kind, reminderLetter(action, payload, visit, r, origin));
			}
			return true;
		},
		{ behavior: 'immediate' }
	);
}

export const actionReminders: Job = {
	name: 'action-reminders',
	run(db: DB, now: Date, { origin }) {
		// No time zone is more than a day ahead of UTC: this bound keeps every candidate.
		const bound = format(addDays(new TZDate(now, 'UTC'), 8), 'yyyy-MM-dd');
		const pending = db
			.select({
				id: actions.id,
				visitId: actions.visitId,
				title: actions.title,
				dueOn: actions.dueOn,
				ownerUserId: actions.ownerUserId,
				ownerOrganisationId: actions.ownerOrganisationId,
				timeZone: organisations.timeZone
			})
			.from(actions)
			.innerJoin(organisations, eq(actions.ownerOrganisationId, organisations.id))
			.where(and(inArray(actions.status, PENDING), lte(actions.dueOn, bound)))
			.all();
		const done: string[] = [];
		for (const action of pending) {
			// "Today" where the owner works: a reminder arrives on their due day, not UTC's.
			const kind = reminderKind(action.dueOn, todayIn(action.timeZone, now));
			if (kind && sendReminder(db, action, kind, now, origin)) {
				done.push(`action ${action.id}: ${kind} (due ${action.dueOn})`);
			}
		}
		return done;
	}
};
