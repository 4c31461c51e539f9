import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { checkThrottle, clearThrottle, recordFailure, throttleKey } from './throttle';

let db: DB;
const key = throttleKey(' Awa@KEOOGO.example.org', '203.0.113.7');
const T0 = Date.UTC(2026, 10, 22, 9);

beforeEach(() => {
	db = createTestDb();
});

describe('sign-in throttling', () => {
	it('answers the first failures at once, then slows, then refuses for a growing time', () => {
		const delays = [1, 2, 3, 4].map((i) => recordFailure(db, key, T0 + i));
		expect(delays).toEqual([0, 0, 1000, 2000]);
		expect(checkThrottle(db, key, T0 + 10)).toEqual({ blocked: false });
		recordFailure(db, key, T0 + 10); // fifth failure: one minute
		expect(checkThrottle(db, key, T0 + 20)).toEqual({ blocked: true, retryAfterSeconds: 60 });
		expect(checkThrottle(db, key, T0 + 10 + 60_000).blocked).toBe(false);
		recordFailure(db, key, T0 + 70_000); // sixth: two minutes
		expect(checkThrottle(db, key, T0 + 70_000)).toEqual({ blocked: true, retryAfterSeconds: 120 });
	});

	it('counts one account from one address: the same account elsewhere is not blocked', () => {
		for (let i = 0; i < 6; i++) recordFailure(db, key, T0 + i);
		expect(checkThrottle(db, key, T0 + 10).blocked).toBe(true);
		const elsewhere = throttleKey('awa@keoogo.example.org', '198.51.100.1');
		expect(checkThrottle(db, elsewhere, T0 + 10).blocked).toBe(false);
		expect(throttleKey('AWA@keoogo.example.org ', '203.0.113.7')).toBe(key);
	});

	it('forgets after a success, or after a quiet hour', () => {
		for (let i = 0; i < 4; i++) recordFailure(db, key, T0 + i);
		clearThrottle(db, key);
		expect(recordFailure(db, key, T0 + 10)).toBe(0);
		for (let i = 0; i < 3; i++) recordFailure(db, key, T0 + 20 + i);
		expect(recordFailure(db, key, T0 + 2 * 3_600_000)).toBe(0);
	});

	it('never blocks for more than an hour', () => {
		for (let i = 0; i < 40; i++) recordFailure(db, key, T0 + i);
		const state = checkThrottle(db, key, T0 + 40);
		expect(state.blocked && state.retryAfterSeconds).toBeLessThanOrEqual(3600);
	});
});
