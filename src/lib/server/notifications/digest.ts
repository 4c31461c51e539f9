// The daily digest: once a day, from 07:00 in each person's time zone, one e-mail listing the
// notifications routed to it (preferences.ts) since the previous one. A digest for local day D
// carries what was written before D 07:00, so a run at 07:15 and one at 09:00 agree; the job mark
// (user, local day) and the rows' digested_at make it go once, whoever runs the job.
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DB, Tx } from '../db';
import { notifications, users } from '../db/schema';
import { once, type Job } from '../jobs/marks';
import { enqueueLetter } from './outbox';
import { asRecipients, recipientColumns, type Recipient } from './recipients';
import { formatMoment, preferencesFooter } from './letters';
import type { Letter } from './letter';
import { unsubscribePath } from './unsubscribe';
import { m } from '$lib/i18n';
import { formatLongDate } from '$lib/i18n/format';
import { notificationText } from '$lib/i18n/notifications';

export const DIGEST_HOUR = 7;
export const DIGEST_JOB = 'daily-digest';

const waiting = and(eq(notifications.delivery, 'digest'), isNull(notifications.digestedAt));

type Item = typeof notifications.$inferSelect;

function itemUrl(item: Item, origin: string) {
	const actionId = Number(item.payload.actionId) || null;
	if (actionId) return `${origin}/actions/${actionId}`;
	return item.visitId ? `${origin}/visits/${item.visitId}` : `${origin}/notifications`;
}

export function digestLetter(
	r: Recipient,
	day: string,
	items: Item[],
	origin: string,
	unsubscribeUrl: string
): Letter {
	const locale = r.locale;
	const o = { locale };
	return {
		locale,
		subject: `${m.app_name({}, o)} · ${m.inbox_digest_subject({ date: formatLongDate(day, locale) }, o)}`,
		lead: m.inbox_digest_lead({ count: items.length }, o),
		items: items.map((i) => ({
			text: notificationText(i.kind, i.payload, locale),
			when: formatMoment(i.createdAt, locale, r.timeZone),
			url: itemUrl(i, origin)
		})),
		footer: [
			...preferencesFooter(origin, locale),
			{ text: m.inbox_digest_stop({}, o), url: unsubscribeUrl }
		]
	};
}

/** Sends r's digest for their local day if it is due and not sent; returns how many it listed. */
function sendDigest(db: DB, r: Recipient, now: Date, origin: string): string | null {
	const local = new TZDate(now, r.timeZone);
	if (Number.isNaN(local.getTime()) || local.getHours() < DIGEST_HOUR) return null;
	const day = format(local, 'yyyy-MM-dd');
	const cutoff = new TZDate(
		local.getFullYear(),
		local.getMonth(),
		local.getDate(),
		DIGEST_HOUR,
		0,
		0,
		r.timeZone
	);
	let count = 0;
	const sent = once(db, DIGEST_JOB, `${r.id}:${day}`, now, (tx: Tx) => {
		const items = tx
			.select()
			.from(notifications)
			.where(
				and(
					eq(notifications.userId, r.id),
					waiting,
					lt(notifications.createdAt, new Date(cutoff.getTime()))
				)
			)
			.orderBy(asc(notifications.createdAt), asc(notifications.id))
			.all();
		if (!items.length) return false;
		const unsubscribe = origin + unsubscribePath(tx, r.id);
		enqueueLetter(
			tx,
			r.email,
			'digest',
			digestLetter(r, day, items, origin, unsubscribe),
			unsubscribe
		);
		tx.update(notifications)
			.set({ digestedAt: now })
			.where(
				inArray(
					notifications.id,
					items.map((i) => i.id)
				)
			)
			.run();
		count = items.length;
		return true;
	});
	return sent ? `user ${r.id}: ${count} in the digest of ${day} (${r.timeZone})` : null;
}

export const dailyDigest: Job = {
	name: DIGEST_JOB,
	run(db: DB, now: Date, { origin }) {
		const people = asRecipients(
			db,
			db
				.selectDistinct(recipientColumns)
				.from(notifications)
				.innerJoin(users, eq(notifications.userId, users.id))
				.where(and(waiting, eq(users.disabled, false)))
				.all()
		);
		const done: string[] = [];
		for (const r of people) {
			const line = sendDigest(db, r, now, origin);
			if (line) done.push(line);
		}
		return done;
	}
};
