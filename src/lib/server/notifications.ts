// In-app notifications, each also an e-mail through the outbox, both written in the transaction
// of the change that causes them.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from './db';
import { memberships, notifications, users } from './db/schema';
import { enqueueMail } from './outbox';
import { m } from '$lib/i18n';
import { notificationText, type NotificationPayload } from '$lib/i18n/notifications';
import type { Locale, NotificationKind } from '$lib/enums';

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
