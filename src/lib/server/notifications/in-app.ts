// In-app notifications, each also an e-mail through the outbox at once or in the daily digest as
// the reader chose (preferences.ts), all written in the transaction of the change that causes them.
import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { memberships, notifications, users } from '../db/schema';
import { enqueueLetter } from './outbox';
import type { NotificationPayload } from '$lib/i18n/notifications';
import type { NotificationKind } from '$lib/enums';
import { preparedOnce } from '../db/prepared';
import { deliveryFor } from './preferences';
import { asRecipients, recipientColumns } from './recipients';
import { visitFacts, visitLetter } from './letters';

export type Notice = {
	kind: NotificationKind;
	visitId: number;
	/** The coordinators of these organisations are told. */
	organisationIds: number[];
	/** The person who made the change is not told about it. */
	actorId: number | null;
	payload: NotificationPayload;
	/** Origin of the links in e-mails, e.g. https://passerelle.example.org */
	origin: string;
	/** When it happened, for a job acting as of a given time; else the database's now. */
	at?: Date;
};

/** Active coordinators of the organisations, each once. */
function coordinatorsOf(tx: Tx, organisationIds: number[], exceptUserId: number | null) {
	if (!organisationIds.length) return [];
	return tx
		.selectDistinct(recipientColumns)
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.where(
			and(
				inArray(memberships.organisationId, organisationIds),
				eq(memberships.role, 'coordinator'),
				eq(users.disabled, false),
				exceptUserId === null ? undefined : ne(users.id, exceptUserId)
			)
		)
		.all();
}

/** Writes one notification routed by the reader's preference; returns the route. */
export function recordNotification(
	tx: Tx,
	userId: number,
	kind: NotificationKind,
	visitId: number | null,
	payload: NotificationPayload,
	at?: Date
) {
	const delivery = deliveryFor(tx, userId, kind);
	tx.insert(notifications)
		.values({ userId, kind, visitId, payload, delivery, ...(at ? { createdAt: at } : {}) })
		.run();
	return delivery;
}

export function notify(tx: Tx, notice: Notice) {
	const recipients = asRecipients(tx, coordinatorsOf(tx, notice.organisationIds, notice.actorId));
	const visit = recipients.length ? visitFacts(tx, notice.visitId) : undefined;
	for (const r of recipients) {
		const delivery = recordNotification(
			tx,
			r.id,
			notice.kind,
			notice.visitId,
			notice.payload,
			notice.at
		);
		if (delivery === 'mail' && visit) {
			enqueueLetter(
				tx,
				r.email,
				notice.kind,
				visitLetter(notice.kind, notice.payload, visit, r, notice.origin)
			);
		}
	}
	return recipients.length;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** One page of a user's notifications, newest first; nobody else's are ever selected. */
export function listNotifications(db: DB, userId: number, page = 1) {
	const mine = eq(notifications.userId, userId);
	const total = db.select({ n: count() }).from(notifications).where(mine).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const items = db
		.select({
			id: notifications.id,
			kind: notifications.kind,
			visitId: notifications.visitId,
			payload: notifications.payload,
			createdAt: notifications.createdAt,
			readAt: notifications.readAt
		})
		.from(notifications)
		.where(mine)
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(NOTIFICATIONS_PAGE_SIZE)
		.offset((current - 1) * NOTIFICATIONS_PAGE_SIZE)
		.all();
	return { items, total, unread: unreadCount(db, userId), page: current, pages };
}

/** Read on every page for the header: served by notifications_user_idx (user_id, read_at). */
const unread = preparedOnce((db: DB) =>
	db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
		.prepare()
);

export function unreadCount(db: DB, userId: number): number {
	return unread(db).get({ userId })?.n ?? 0;
}

/**
 * Marks one of the user's notifications read (the first reading time is kept) and says where it
 * leads; null when it is not theirs or does not exist, which the route answers with 404.
 */
export function markRead(db: DB, userId: number, id: number, now = new Date()) {
	const row = db
		.select({
			visitId: notifications.visitId,
			payload: notifications.payload,
			readAt: notifications.readAt
		})
		.from(notifications)
		.where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
		.get();
	if (!row) return null;
	if (!row.readAt) {
		db.update(notifications)
			.set({ readAt: now })
			.where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
			.run();
	}
	// A reminder leads to its action, everything else to the visit.
	const actionId = Number(row.payload.actionId) || null;
	return { visitId: row.visitId, actionId };
}

/** Marks every unread notification of the user read; returns how many were unread. */
export function markAllRead(db: DB, userId: number, now = new Date()): number {
	return db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.run().changes;
}
