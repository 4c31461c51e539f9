// Exactly-once writes for forms a device may send again: the queue of a phone that was offline
// retries until it hears an answer, and an answer lost on the way back means the write was done.
// Each form carries a key made on the device (or rendered by the server for forms without
// JavaScript); the first write with a key stores its outcome in the same transaction, and any
// later request with that key gets the stored outcome back instead of writing again.
import { and, eq, lt } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { idempotencyKeys } from '../db/schema';
import type { Job } from '../jobs/marks';

/** A key from the device: 16 to 64 URL-safe characters (a UUID without dashes is 32). */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const KEY_TTL_DAYS = 30;

/** Who sent the write: a signed-in person, or the holder of an evaluation's private link. */
export type KeyOwner = { userId: number } | { responseId: number };
export type KeyScope = { owner: KeyOwner; key: string | null; what: string };

const ownerText = (owner: KeyOwner) =>
	'userId' in owner ? `u:${owner.userId}` : `l:${owner.responseId}`;

/** A fresh key for a form the server renders (no JavaScript: it also stops a double submit). */
export function newKey(): string {
	return crypto.randomUUID().replaceAll('-', '');
}

export type FormMeta =
	| { ok: true; key: string | null; version: number | null }
	| { ok: false; field: '_key' | '_version' };

/**
 * The hidden `_key` and `_version` of a form. Either may be absent (a form posted by a script
 * or a page older than the queue: written as before, once); present but garbled is bad input.
 */
export function readFormMeta(form: FormData): FormMeta {
	const key = form.get('_key');
	const version = form.get('_version');
	if (key !== null && (typeof key !== 'string' || !KEY_PATTERN.test(key)))
		return { ok: false, field: '_key' };
	if (version !== null && (typeof version !== 'string' || !/^[1-9]\d{0,8}$/.test(version)))
		return { ok: false, field: '_version' };
	return { ok: true, key: key || null, version: version ? Number(version) : null };
}

export type Once<T> = { ok: true; result: T; replayed: boolean } | { ok: false; reused: true };

/**
 * Runs `write` once per (owner, key). In one IMMEDIATE transaction: a known key replays its
 * stored outcome; otherwise `write` runs and, when `keep` says it changed something, the outcome
 * is stored with the key. Outcomes that wrote nothing (bad input, a conflict) are not stored: the
 * same key may be sent again once the person has chosen. A key already used by this owner for
 * another record is refused, so a device bug cannot turn one write into another.
 */
export function once<T>(
	db: DB,
	scope: KeyScope,
	write: (tx: Tx) => T,
	keep: (result: T) => boolean,
	now = new Date()
): Once<T> {
	const { key, what } = scope;
	if (!key) return { ok: true, result: write(db), replayed: false };
	const owner = ownerText(scope.owner);
	return db.transaction(
		(tx): Once<T> => {
			const prior = tx
				.select({ what: idempotencyKeys.what, result: idempotencyKeys.result })
				.from(idempotencyKeys)
				.where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)))
				.get();
			if (prior) {
				if (prior.what !== what) return { ok: false, reused: true };
				return { ok: true, result: JSON.parse(prior.result) as T, replayed: true };
			}
			const result = write(tx);
			if (keep(result))
				tx.insert(idempotencyKeys)
					.values({ owner, key, what, result: JSON.stringify(result), createdAt: now })
					.run();
			return { ok: true, result, replayed: false };
		},
		{ behavior: 'immediate' }
	);
}

/** Forgets keys older than 30 days: no queue holds a write that long. */
export const expireIdempotencyKeys: Job = {
	name: 'expire-idempotency-keys',
	run(db, now) {
		const before = new Date(now.getTime() - KEY_TTL_DAYS * 86_400_000);
		const gone = db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run();
		return gone.changes ? [`forgot ${gone.changes} idempotency keys`] : [];
	}
};
