import { describe, expect, it, vi } from 'vitest';
import { createTestDb } from './test-db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { cachedPerVersion, cachedPerVersionAsync } from './version';
import { readAside } from './reader';
import { openDatabase, type DB } from './';

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

describe('cachedPerVersionAsync', () => {
	/** A computation whose end the test decides. */
	function controlled() {
		const ends: ((n: number) => void)[] = [];
		const compute = vi.fn(() => new Promise<number>((resolve) => ends.push(resolve)));
		return { compute, end: (n: number) => ends.shift()!(n) };
	}

	it('answers a read during a slow rebuild at once with the previous value', async () => {
		const db = createTestDb();
		const { compute, end } = controlled();
		const read = cachedPerVersionAsync(compute, { staleAfterMs: -1 });
		const first = read(db, '');
		end(1);
		expect(await first).toBe(1);
		write(db);
		// The rebuild has started and not ended: readers get the previous value meanwhile.
		expect(await read(db, '')).toBe(1);
		expect(await read(db, '')).toBe(1);
		expect(read.rebuilding(db)).toBe(true);
		expect(compute).toHaveBeenCalledTimes(2);
		end(2);
		await betweenRequests();
		expect(read.rebuilding(db)).toBe(false);
		expect(await read(db, '')).toBe(2);
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('gives whoever wrote a fresh value when rebuilding is quick', async () => {
		const db = createTestDb();
		const read = cachedPerVersionAsync(async (d: DB) => rows(d));
		expect(await read(db, '')).toBe(0);
		write(db);
		expect(await read(db, '')).toBe(1);
	});
});

describe('readAside', () => {
	it('runs a long query beside the server thread, which goes on answering meanwhile', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'passerelle-reader-'));
		const db = openDatabase(join(dir, 'test.db'));
		try {
			const slow = sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
				SELECT count(*), max(i) FROM n`;
			let ticks = 0;
			const timer = setInterval(() => ticks++, 1);
			const started = performance.now();
			const rows = await readAside(db, slow, ['n', 'max'] as const);
			clearInterval(timer);
			expect(rows).toEqual([{ n: 3000000, max: 3000000 }]);
			// The query took a while, and the thread kept turning all along.
			expect(performance.now() - started).toBeGreaterThan(50);
			expect(ticks).toBeGreaterThan(10);
		} finally {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('runs inline on an in-memory database, with the same answer', async () => {
		const db = createTestDb();
		expect(await readAside(db, sql`SELECT 1 + 1, 'x'`, ['two', 'x'] as const)).toEqual([
			{ two: 2, x: 'x' }
		]);
	});
});
