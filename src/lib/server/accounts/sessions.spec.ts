import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { sessions, users } from '../db/schema';
import {
	SESSION_LIFETIME,
	createSession,
	deleteExpiredSessions,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_COOKIE,
	sessionIdFromToken,
	startSession,
	validateSessionToken
} from './sessions';
import type { Cookies } from '@sveltejs/kit';

/** Just enough of SvelteKit's cookies for startSession: a jar. */
function jar(initial: Record<string, string> = {}) {
	const values = new Map(Object.entries(initial));
	return {
		get: (name: string) => values.get(name),
		set: (name: string, value: string) => void values.set(name, value)
	} as unknown as Cookies;
}

const DAY = 86_400_000;
let db: DB;
let userId: number;

beforeEach(() => {
	db = createTestDb();
	userId = db
		.insert(users)
		.values({ email: 'a@example.org', name: 'A', passwordHash: 'x' })
		.returning()
		.get().id;
});

describe('sessions', () => {
	it('keeps only the SHA-256 of the token, so the database cannot be replayed as cookies', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		createSession(db, token, userId);
		const stored = db.select().from(sessions).all();
		expect(stored).toHaveLength(1);
		expect(stored[0].id).toBe(sessionIdFromToken(token));
		expect(stored[0].id).toMatch(/^[0-9a-f]{64}$/);
		expect(stored[0].id).not.toContain(token);
	});

	it('gives a fresh token each time', () => {
		const tokens = new Set(Array.from({ length: 50 }, generateSessionToken));
		expect(tokens.size).toBe(50);
	});

	it('recognises a valid token and its user, and rejects an unknown one', () => {
		const token = generateSessionToken();
		createSession(db, token, userId);
		expect(validateSessionToken(db, token).user?.email).toBe('a@example.org');
		expect(validateSessionToken(db, generateSessionToken()).session).toBeNull();
	});

	it('expires after 30 days and removes the expired session', () => {
		const token = generateSessionToken();
		const start = Date.now();
		createSession(db, token, userId, start);
		expect(validateSessionToken(db, token, start + SESSION_LIFETIME + 1).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('slides the expiry forward once less than half the lifetime remains', () => {
		const token = generateSessionToken();
		const start = Date.now();
		createSession(db, token, userId, start);
		const early = validateSessionToken(db, token, start + 5 * DAY).session!;
		expect(early.expiresAt.getTime()).toBe(start + SESSION_LIFETIME);
		const later = start + 20 * DAY;
		const renewed = validateSessionToken(db, token, later).session!;
		expect(renewed.expiresAt.getTime()).toBe(later + SESSION_LIFETIME);
		// Still valid 30 days after the first sign-in, because it was used on day 20.
		expect(validateSessionToken(db, token, start + 31 * DAY).session).not.toBeNull();
	});

	it('ends at once for a disabled account', () => {
		const token = generateSessionToken();
		createSession(db, token, userId);
		db.update(users).set({ disabled: true }).where(eq(users.id, userId)).run();
		expect(validateSessionToken(db, token).session).toBeNull();
	});

	it('signs out one session, or every session of a user', () => {
		const [a, b] = [generateSessionToken(), generateSessionToken()];
		const first = createSession(db, a, userId);
		createSession(db, b, userId);
		invalidateSession(db, first.id);
		expect(validateSessionToken(db, a).session).toBeNull();
		expect(validateSessionToken(db, b).session).not.toBeNull();
		invalidateUserSessions(db, userId);
		expect(validateSessionToken(db, b).session).toBeNull();
	});

	it('sweeps expired sessions', () => {
		const now = Date.now();
		createSession(db, generateSessionToken(), userId, now - 40 * DAY);
		createSession(db, generateSessionToken(), userId, now);
		expect(deleteExpiredSessions(db, now)).toBe(1);
		expect(db.select().from(sessions).all()).toHaveLength(1);
	});
});

describe('startSession', () => {
	const event = (cookies: Cookies) => ({
		cookies,
		url: new URL('http://localhost/login'),
		request: new Request('http://localhost/login')
	});

	it('gives a new session id at each sign-in and ends the one the browser carried before', () => {
		const planted = generateSessionToken();
		createSession(db, planted, userId);
		const cookies = jar({ [SESSION_COOKIE]: planted });
		startSession(db, event(cookies), userId);
		const fresh = cookies.get(SESSION_COOKIE)!;
		expect(fresh).not.toBe(planted);
		expect(validateSessionToken(db, planted).session).toBeNull();
		expect(validateSessionToken(db, fresh).user?.id).toBe(userId);
		expect(
			db
				.select()
				.from(sessions)
				.all()
				.map((s) => s.id)
		).toEqual([sessionIdFromToken(fresh)]);
	});

	it('leaves the other browsers of the same person signed in', () => {
		const elsewhere = generateSessionToken();
		createSession(db, elsewhere, userId);
		startSession(db, event(jar()), userId);
		expect(validateSessionToken(db, elsewhere).session).not.toBeNull();
	});
});
