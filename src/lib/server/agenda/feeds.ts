// Private calendar subscriptions: calendar apps fetch without a session, so the URL itself is the
// secret. Like a session or an invitation, only the token's SHA-256 is stored: the URL is shown
// once, and whoever reads the database cannot subscribe to anyone's programme.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DB } from '../db';
import { calendarFeeds, users } from '../db/schema';
import { generateSessionToken, sessionIdFromToken } from '../accounts/sessions';
import { recordAudit } from '../audit/log';
import { actorOf } from '../accounts/users';
import { buildCalendar, feedVisits } from './calendar';
import { m } from '$lib/i18n';

/** Two session-sized tokens (320 bits, base32), as for invitations. */
const TOKEN = /^[a-z2-7]{64}$/;

/** The path calendar apps fetch; ends in .ics because some apps only subscribe to such URLs. */
export const feedPath = (token: string) => `/calendar/${token}.ics`;

/** Creates a feed for the user and returns its token: the only time it exists in clear. */
export function createFeed(db: DB, userId: number) {
	const token = generateSessionToken() + generateSessionToken();
	const id = db.transaction((tx) => {
		const row = tx
			.insert(calendarFeeds)
			.values({ userId, tokenHash: sessionIdFromToken(token) })
			.returning({ id: calendarFeeds.id })
			.get();
		recordAudit(tx, {
			actorId: userId,
			entity: 'calendar_feed',
			entityId: row.id,
			action: 'created'
		});
		return row.id;
	});
	return { id, token };
}

/** The user's feeds still working, newest first. */
export function listFeeds(db: DB, userId: number) {
	return db
		.select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
		.orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id))
		.all();
}

/** Ends one of the user's own feeds; false if it is not theirs or already ended. */
export function revokeFeed(db: DB, userId: number, feedId: number, now = new Date()) {
	return db.transaction((tx) => {
		const done = tx
			.update(calendarFeeds)
			.set({ revokedAt: now })
			.where(
				and(
					eq(calendarFeeds.id, feedId),
					eq(calendarFeeds.userId, userId),
					isNull(calendarFeeds.revokedAt)
				)
			)
			.run();
		if (done.changes !== 1) return false;
		recordAudit(tx, {
			actorId: userId,
			entity: 'calendar_feed',
			entityId: feedId,
			action: 'revoked'
		});
		return true;
	});
}

/** The user a token belongs to, if the feed is live and the account enabled. */
export function feedOwner(db: DB, token: string) {
	if (!TOKEN.test(token)) return null;
	const row = db
		.select({
			id: users.id,
			globalRole: users.globalRole,
			preferredLocale: users.preferredLocale,
			disabled: users.disabled,
			revokedAt: calendarFeeds.revokedAt
		})
		.from(calendarFeeds)
		.innerJoin(users, eq(calendarFeeds.userId, users.id))
		.where(eq(calendarFeeds.tokenHash, sessionIdFromToken(token)))
		.get();
	if (!row || row.revokedAt || row.disabled) return null;
	return { id: row.id, globalRole: row.globalRole, preferredLocale: row.preferredLocale };
}

export type FeedOwner = NonNullable<ReturnType<typeof feedOwner>>;

/** The owner's calendar, built afresh on each fetch so it follows the programme. */
export function feedCalendar(db: DB, owner: FeedOwner, origin: string) {
	return buildCalendar(db, {
		name: m.app_name(),
		visits: feedVisits(db, actorOf(db, owner)),
		origin,
		refresh: true
	});
}
