import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { loginThrottle } from '../db/schema';
import { normaliseEmail } from './users';

/** Failures that are answered at once; after them each answer is slowed, then refused. */
const FREE_FAILURES = 2;
const BLOCK_AFTER = 5;
const BASE_BLOCK_MS = 60_000;
const MAX_BLOCK_MS = 60 * 60_000;
/** A quiet hour forgives earlier failures. */
const FORGET_AFTER_MS = 60 * 60_000;

export type ThrottleState = { blocked: true; retryAfterSeconds: number } | { blocked: false };

/** One account from one address: an attacker cannot lock a partner out from elsewhere. */
export function throttleKey(email: string, address: string) {
	return `${normaliseEmail(email)}|${address}`;
}

export function checkThrottle(db: DB, key: string, now = Date.now()): ThrottleState {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const until = row?.blockedUntil?.getTime() ?? 0;
	if (until > now) return { blocked: true, retryAfterSeconds: Math.ceil((until - now) / 1000) };
	return { blocked: false };
}

/** Records a failure; returns how long to hold the answer back (slowing), in milliseconds. */
export function recordFailure(db: DB, key: string, now = Date.now()): number {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const stale = !row || now - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
	const failures = stale ? 1 : row.failures + 1;
	const blockMs =
		failures >= BLOCK_AFTER
			? Math.min(BASE_BLOCK_MS * 2 ** (failures - BLOCK_AFTER), MAX_BLOCK_MS)
			: 0;
	const values = {
		failures,
		lastFailureAt: new Date(now),
		blockedUntil: blockMs ? new Date(now + blockMs) : null
	};
	db.insert(loginThrottle)
		.values({ key, ...values })
		.onConflictDoUpdate({ target: loginThrottle.key, set: values })
		.run();
	return failures > FREE_FAILURES ? Math.min(1000 * (failures - FREE_FAILURES), 3000) : 0;
}

export function clearThrottle(db: DB, key: string) {
	db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
