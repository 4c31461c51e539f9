// In-app notifications, each also an e-mail through the outbox, both written in the transaction
// of the change that causes them.
import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { memberships, notifications, users } from '../db/schema';
import { enqueueMail } from './outbox';
import { m } from '$lib/i18n';
import { notificationText, type NotificationPayload } from '$lib/i18n/notifications';
import type { Locale, NotificationKind } from '$lib/enums';
import { preparedOnce } from '../db/prepared';

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
};

/** Active coordinators of the organisations, each once. */
function coordinatorsOf(tx: Tx, organisationIds: number[], exceptUserId: number | null) {
	if (!organisationIds.length) return [];
	return tx
		.selectDistinct({ id: users.id, email: users.email, locale: users.preferredLocale })
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

export function notify(tx: Tx, notice: Notice) {
	const recipients = coordinatorsOf(tx, notice.organisationIds, notice.actorId);
	const link = `${notice.origin}/visits/${notice.visitId}`;
	for (const r of recipients) {
		tx.insert(notifications)
			.values({
				userId: r.id,
				kind: notice.kind,
				visitId: notice.visitId,
				payload: notice.payload
			})
			.run();
		const locale: Locale = r.locale ?? 'fr';
		const text = notificationText(notice.kind, notice.payload, locale);
		enqueueMail(tx, {
			to: r.email,
			kind: notice.kind,
			subject: `${m.app_name({}, { locale })} · ${text}`.slice(0, 200),
			body: `${text}\n\n${m.notify_open_visit({}, { locale })}\n${link}\n`
		});
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
