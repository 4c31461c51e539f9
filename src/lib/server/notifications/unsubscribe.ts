// The digest's one-click unsubscribe link works without signing in, so the link itself must prove
// whose it is: the user's id signed with a key only the server holds (HMAC-SHA256). Changing the
// id breaks the signature; the key is made at random once and kept in the database.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { signingKeys } from '../db/schema';

const KEY_NAME = 'digest-unsubscribe';

/** The key, made on first use when signing; checking never writes (a GET stays a read). */
function signingKey(db: Tx, make: boolean): Buffer | null {
	if (make) {
		db.insert(signingKeys)
			.values({ name: KEY_NAME, key: randomBytes(32).toString('base64url') })
			.onConflictDoNothing()
			.run();
	}
	const row = db.select().from(signingKeys).where(eq(signingKeys.name, KEY_NAME)).get();
	return row ? Buffer.from(row.key, 'base64url') : null;
}

function signature(key: Buffer, userId: number) {
	return createHmac('sha256', key).update(`${KEY_NAME}:${userId}`).digest();
}

export function unsubscribeToken(db: Tx, userId: number): string {
	return `${userId}.${signature(signingKey(db, true)!, userId).toString('base64url')}`;
}

export function unsubscribePath(db: Tx, userId: number) {
	return `/unsubscribe/${unsubscribeToken(db, userId)}`;
}

/** The user the token was made for, or null for anything the server did not sign. */
export function verifyUnsubscribeToken(db: Tx, token: string): number | null {
	const match = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match) return null;
	const key = signingKey(db, false);
	if (!key) return null;
	const userId = Number(match[1]);
	const given = Buffer.from(match[2], 'base64url');
	const expected = signature(key, userId);
	return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
