import { describe, expect, it, vi } from 'vitest';
import { createTestDb } from './test-db';
import { cachedPerVersion } from './version';
import type { DB } from './';

/** A write anywhere that moves the data generation, as creating an organisation would. */
const write = (db: DB) => db.$client.exec('UPDATE data_generation SET n = n + 1 WHERE id = 1');
const rows = (db: DB) =>
	db.$client.prepare('SELECT n FROM data_generation').pluck().get() as number;
const betweenRequests = () => new Promise((resolve) => setImmediate(resolve));

describe('cachedPerVersion', () => {
	it('computes again after a write when the computation is quick', () => {
		const db = createTestDb();
		const compute = vi.fn(rows);
		const read = cachedPerVersion(compute);
		expect(read(db, '')).toBe(0);
		expect(read(db, '')).toBe(0);
		write(db);
		expect(read(db, '')).toBe(1);
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('serves the previous value during a slow rebuild, which runs once, between requests', async () => {
		const db = createTestDb();
		const compute = vi.fn(rows);
		// Every computation counts as slow.
		const read = cachedPerVersion(compute, { staleAfterMs: -1 });
		expect(read(db, '')).toBe(0);
		write(db);
		write(db);
		// Readers right after the writes: the previous value, and nobody computes in their request.
		for (let i = 0; i < 5; i++) expect(read(db, '')).toBe(0);
		expect(compute).toHaveBeenCalledTimes(1);
		expect(read.rebuilding(db)).toBe(true);
		await betweenRequests();
		expect(read.rebuilding(db)).toBe(false);
		expect(compute).toHaveBeenCalledTimes(2);
		expect(read(db, '')).toBe(2);
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('keeps serving the previous value when a rebuild fails, and tries again later', async () => {
		const db = createTestDb();
		let fail = false;
		const read = cachedPerVersion(
			(d: DB) => {
				if (fail) throw new Error('disk on fire');
				return rows(d);
			},
			{ staleAfterMs: -1 }
		);
		expect(read(db, '')).toBe(0);
		fail = true;
		write(db);
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(read(db, '')).toBe(0);
		await betweenRequests();
		expect(log).toHaveBeenCalledOnce();
		log.mockRestore();
		fail = false;
		expect(read(db, '')).toBe(0);
		await betweenRequests();
		expect(read(db, '')).toBe(1);
	});

	it('computes at once a value it never had, per argument', () => {
		const db = createTestDb();
		const read = cachedPerVersion((d: DB, arg: string) => `${arg}:${rows(d)}`, {
			staleAfterMs: -1
		});
		expect(read(db, 'a')).toBe('a:0');
		write(db);
		expect(read(db, 'b')).toBe('b:1');
	});
});
