import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { oneDelegateLink } from '../db/evaluation-fixtures';
import { openLink } from './evaluation-sheet';

const ORIGIN = 'https://passerelle.test';
const GUEST = '203.0.113.7';
const NEIGHBOUR = '198.51.100.4';
const T0 = new Date('2025-03-10T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
/** Well-formed links nobody was given, each different (the throttle counts tries, not links). */
const wrong = (n: number) => String.fromCharCode(97 + (n % 26)).repeat(64);

let db: DB;
let token = '';

beforeEach(() => {
	db = createTestDb();
	token = oneDelegateLink(db, ORIGIN, T0);
});

/** Tries `count` wrong links from `address`, one second apart from `start`. */
function tryWrong(address: string, count: number, start = 0) {
	return Array.from({ length: count }, (_, i) => openLink(db, wrong(i), address, at(start + i)));
}

describe('wrong evaluation links from one address', () => {
	it('are answered "not found" at once, then more and more slowly, then refused', () => {
		const outcomes = tryWrong(GUEST, 7);
		expect(outcomes.slice(0, 5)).toEqual([
			{ notFound: true, delayMs: 0 },
			{ notFound: true, delayMs: 0 },
			{ notFound: true, delayMs: 1000 },
			{ notFound: true, delayMs: 2000 },
			{ notFound: true, delayMs: 3000 }
		]);
		// Blocked for a minute from the fifth failure (at 4 s): 59 s left at 5 s, 58 at 6 s.
		expect(outcomes.slice(5)).toEqual([
			{ refused: true, retryAfterSeconds: 59 },
			{ refused: true, retryAfterSeconds: 58 }
		]);
		// Garbled links (not even the shape of a token) count the same.
		expect(openLink(db, 'not-a-token', GUEST, at(10))).toMatchObject({ refused: true });
	});

	it('do not stop a valid link from opening, even from the refused address', () => {
		tryWrong(GUEST, 6);
		const outcome = openLink(db, token, GUEST, at(7));
		expect(outcome).toHaveProperty('sheet');
		if (!('sheet' in outcome)) return;
		expect(outcome.sheet.response.respondentName).toBe('Safiatou');
		// Opening it forgives nothing: the next wrong link is still refused.
		expect(openLink(db, wrong(9), GUEST, at(8))).toMatchObject({ refused: true });
	});

	it('leave other addresses alone', () => {
		tryWrong(GUEST, 6);
		expect(tryWrong(NEIGHBOUR, 2, 7)).toEqual([
			{ notFound: true, delayMs: 0 },
			{ notFound: true, delayMs: 0 }
		]);
	});

	it('are let through again once the refusal has run out, refused longer at the next failure', () => {
		tryWrong(GUEST, 6);
		// Blocked until 64 s (a minute from the fifth failure at 4 s).
		expect(openLink(db, wrong(20), GUEST, at(63))).toMatchObject({ refused: true });
		expect(openLink(db, wrong(20), GUEST, at(65))).toEqual({ notFound: true, delayMs: 3000 });
		// The sixth failure in the hour blocks for two minutes.
		expect(openLink(db, wrong(21), GUEST, at(66))).toEqual({
			refused: true,
			retryAfterSeconds: 119
		});
	});

	it('are forgotten after a quiet hour', () => {
		tryWrong(GUEST, 5);
		const later = 4 + 60 * 60 + 1;
		expect(tryWrong(GUEST, 3, later)).toEqual([
			{ notFound: true, delayMs: 0 },
			{ notFound: true, delayMs: 0 },
			{ notFound: true, delayMs: 1000 }
		]);
	});
});
