// How each person wants to hear of each topic: an e-mail at once, the daily digest, or the app
// only. Read in the transaction that writes a notification, so the choice in force at that moment
// routes it; the notification keeps its route (`delivery`) for the digest job.
import { and, eq, isNull } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { notificationPreferences, notifications } from '../db/schema';
import {
	NOTIFICATION_TOPICS,
	type NotificationDelivery,
	type NotificationKind,
	type NotificationTopic
} from '$lib/enums';

/**
 * The topic of each kind. Evaluation links are in none: they carry a private link the person
 * needs to answer, so they always leave at once (the in-app notice goes too).
 */
export const TOPIC_OF: Partial<Record<NotificationKind, NotificationTopic>> = {
	visit_proposed: 'proposals',
	visit_answered: 'proposals',
	visit_dates_proposed: 'proposals',
	visit_dates_answered: 'proposals',
	visit_dates_changed: 'changes',
	visit_cancelled: 'changes',
	visit_status: 'status',
	action_reminder: 'reminders'
};

/**
 * At once for what asks for an answer (a proposal, dates, an action due) and for what changes
 * someone's travel (new dates, a cancellation); a visit's other steps wait for the digest.
 */
export const DEFAULT_DELIVERY: Record<NotificationTopic, NotificationDelivery> = {
	proposals: 'mail',
	changes: 'mail',
	status: 'digest',
	reminders: 'mail'
};

export type Preferences = Record<NotificationTopic, NotificationDelivery>;

export function preferencesOf(db: DB | Tx, userId: number): Preferences {
	const chosen = db
		.select({ topic: notificationPreferences.topic, delivery: notificationPreferences.delivery })
		.from(notificationPreferences)
		.where(eq(notificationPreferences.userId, userId))
		.all();
	const prefs = { ...DEFAULT_DELIVERY };
	for (const c of chosen) prefs[c.topic] = c.delivery;
	return prefs;
}

/** How a notification of `kind` reaches `userId` besides the app. */
export function deliveryFor(tx: Tx, userId: number, kind: NotificationKind): NotificationDelivery {
	const topic = TOPIC_OF[kind];
	return topic ? preferencesOf(tx, userId)[topic] : 'mail';
}

/** Saves every topic's choice (one's own: the user comes from the session). */
export function savePreferences(db: DB, userId: number, prefs: Preferences) {
	db.transaction((tx) => {
		for (const topic of NOTIFICATION_TOPICS) {
			tx.insert(notificationPreferences)
				.values({ userId, topic, delivery: prefs[topic] })
				.onConflictDoUpdate({
					target: [notificationPreferences.userId, notificationPreferences.topic],
					set: { delivery: prefs[topic] }
				})
				.run();
		}
		// Moving a topic out of the digest is not a wish to receive what was waiting for it.
		if (!NOTIFICATION_TOPICS.some((t) => prefs[t] === 'digest')) dropWaiting(tx, userId);
	});
}

/**
 * The digest's unsubscribe link: every topic in the digest becomes "in the app only" and what
 * waits for the next digest is dropped from it (still in the app). Returns how many topics moved.
 */
export function switchDigestOff(db: DB, userId: number, now = new Date()): number {
	return db.transaction((tx) => {
		const prefs = preferencesOf(tx, userId);
		let moved = 0;
		for (const topic of NOTIFICATION_TOPICS) {
			if (prefs[topic] !== 'digest') continue;
			tx.insert(notificationPreferences)
				.values({ userId, topic, delivery: 'app' })
				.onConflictDoUpdate({
					target: [notificationPreferences.userId, notificationPreferences.topic],
					set: { delivery: 'app' }
				})
				.run();
			moved++;
		}
		dropWaiting(tx, userId, now);
		return moved;
	});
}

function dropWaiting(tx: Tx, userId: number, now = new Date()) {
	tx.update(notifications)
		.set({ digestedAt: now })
		.where(
			and(
				eq(notifications.userId, userId),
				eq(notifications.delivery, 'digest'),
				isNull(notifications.digestedAt)
			)
		)
		.run();
}
