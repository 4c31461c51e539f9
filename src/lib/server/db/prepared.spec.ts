import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { reuseStatements } from './prepared';

describe('reuseStatements', () => {
	const open = (max?: number) => {
		const sqlite = new Database(':memory:');
		sqlite.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");
		reuseStatements(sqlite, max);
		return sqlite;
	};

	it('hands the same statement back for the same SQL, in its default output mode', () => {
		const sqlite = open();
		const first = sqlite.prepare('SELECT a, b FROM t ORDER BY a');
		expect(first.raw().all()).toEqual([
			[1, 'x'],
			[2, 'y']
		]);
		const again = sqlite.prepare('SELECT a, b FROM t ORDER BY a');
		expect(again).toBe(first);
		expect(again.all()).toEqual([
			{ a: 1, b: 'x' },
			{ a: 2, b: 'y' }
		]);
		sqlite.prepare('SELECT a, b FROM t ORDER BY a').pluck();
		expect(sqlite.prepare('SELECT a, b FROM t ORDER BY a').get()).toEqual({ a: 1, b: 'x' });
	});

	it('keeps at most `max` statements, dropping the least recently used', () => {
		const sqlite = open(2);
		const one = sqlite.prepare('SELECT 1');
		const evicted = sqlite.prepare('SELECT 2');
		sqlite.prepare('SELECT 1');
		sqlite.prepare('SELECT 3');
		expect(sqlite.prepare('SELECT 1')).toBe(one);
		const two = sqlite.prepare('SELECT 2');
		expect(two).not.toBe(evicted);
		expect(two.pluck().get()).toBe(2);
	});

	it('still prepares writes and reports SQL errors', () => {
		const sqlite = open();
		sqlite.prepare('INSERT INTO t VALUES (?, ?)').run(3, 'z');
		sqlite.prepare('INSERT INTO t VALUES (?, ?)').run(4, 'w');
		expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4);
		expect(() => sqlite.prepare('SELECT nope FROM t')).toThrow(/no such column/);
	});
});
