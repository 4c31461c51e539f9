import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt, sql } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db';
import { sessions, users } from '../db/schema';
import { preparedOnce } from '../db/prepared';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** Extend the expiry only when less than this remains: one write per fortnight, not per request. */
const RENEW_WHEN_LESS_THAN = 15 * DAY;
export const SESSION_COOKIE = 'session';

export type SessionUser = Pick<
	typeof users.$inferSelect,
	'id' | 'email' | 'name' | 'preferredLocale' | 'timeZone' | 'globalRole'
>;
export type Session = typeof sessions.$inferSelect;
export type SessionValidation =
	{ session: Session; user: SessionUser } | { session: null; user: null };

/** 20 random bytes (160 bits) as lower-case base32: the secret that goes in the cookie. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(
	db: DB,
	token: string,
	userId: number,
	now = Date.now(),
	userAgent: string | null = null
): Session {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(now + SESSION_LIFETIME),
		userAgent: userAgent?.slice(0, 300) ?? null,
		createdAt: new Date(now)
	};
	db.insert(sessions).values(session).run();
	return session;
}

const sessionLookup = preparedOnce((db: DB) =>
	db
		.select({
			session: sessions,
			user: {
				id: users.id,
				email: users.email,
				name: users.name,
				preferredLocale: users.preferredLocale,
				timeZone: users.timeZone,
				globalRole: users.globalRole,
				disabled: users.disabled
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

/** The session and its user, with a sliding expiry; expired sessions and disabled users fail. */
export function validateSessionToken(db: DB, token: string, now = Date.now()): SessionValidation {
	const id = sessionIdFromToken(token);
	const row = sessionLookup(db).get({ id });
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	if (now >= session.expiresAt.getTime() || user.disabled) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return { session: null, user: null };
	}
	if (session.expiresAt.getTime() - now < RENEW_WHEN_LESS_THAN) {
		session.expiresAt = new Date(now + SESSION_LIFETIME);
		db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id)).run();
	}
	const { disabled: _disabled, ...sessionUser } = user;
	return { session, user: sessionUser };
}

export function invalidateSession(db: DB, sessionId: string) {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: DB, userId: number) {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(db: DB, now = Date.now()) {
	return db
		.delete(sessions)
		.where(lt(sessions.expiresAt, new Date(now)))
		.run().changes;
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		maxAge: 0
	});
}

/**
 * Signs `userId` in on this browser: a new session, its cookie, the device it came from. A session
 * this browser already carried is ended first, so a cookie planted before sign-in (session
 * fixation) or left by another account on a shared computer never outlives it.
 */
export function startSession(
	db: DB,
	event: { cookies: Cookies; url: URL; request: Request },
	userId: number
) {
	const previous = event.cookies.get(SESSION_COOKIE);
	if (previous) invalidateSession(db, sessionIdFromToken(previous));
	const token = generateSessionToken();
	const session = createSession(
		db,
		token,
		userId,
		Date.now(),
		event.request.headers.get('user-agent')
	);
	setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
}
