import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { sql } from 'drizzle-orm';
import { beyond, keysetPage, readCursor, type Cursor, type Order } from './keyset';

type Row = { id: number; k: string };

/** A list of rows with few distinct keys (many ties), read as a page of a list reads it. */
function list(keys: string[]) {
	const client = new Database(':memory:');
	client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL)');
	const insert = client.prepare('INSERT INTO t (k) VALUES (?)');
	for (const k of keys) insert.run(k);
	const db = drizzle(client);
	const fetch = (
		bound: { cursor: Cursor; order: Order } | undefined,
		order: Order,
		limit: number
	) =>
		db.all<Row>(sql`SELECT id, k FROM t
			WHERE ${bound ? beyond(sql`k`, sql`id`, bound.cursor, bound.order) : sql`1`}
			ORDER BY k ${sql.raw(order)}, id ${sql.raw(order)} LIMIT ${limit}`);
	const all = (order: Order) => fetch(undefined, order, 1_000_000).map((r) => r.id);
	const page = (order: Order, size: number, at: { after?: string; before?: string }) =>
		keysetPage(fetch, (r: Row) => ({ key: r.k, id: r.id }), {
			order,
			size,
			after: readCursor(at.after),
			before: readCursor(at.before)
		});
	return { all, page };
}

const scenario = fc.record({
	keys: fc.array(fc.constantFrom('2024-01-01', '2024-01-02', '2024-03-10', '2025-07-14'), {
		maxLength: 40
	}),
	size: fc.integer({ min: 1, max: 7 }),
	order: fc.constantFrom<Order>('asc', 'desc')
});

describe('keyset pagination', () => {
	it('walking forward then back visits every row once, in order, ties included', () => {
		fc.assert(
			fc.property(scenario, ({ keys, size, order }) => {
				const { all, page } = list(keys);
				const forward: number[][] = [];
				let at: { after?: string; before?: string } = {};
				let current = page(order, size, at);
				expect(current.previous).toBeNull();
				for (;;) {
					forward.push(current.rows.map((r) => r.id));
					if (current.next === null) break;
					at = { after: current.next };
					current = page(order, size, at);
				}
				expect(forward.flat()).toEqual(all(order));
				// Every page but the last is full.
				for (const rows of forward.slice(0, -1)) expect(rows).toHaveLength(size);

				const backward: number[][] = [current.rows.map((r) => r.id)];
				while (current.previous !== null) {
					current = page(order, size, current.previous ? { before: current.previous } : {});
					backward.unshift(current.rows.map((r) => r.id));
				}
				expect(backward).toEqual(forward);
			})
		);
	});

	it('going back from any shared link reaches the start without missing a row', () => {
		fc.assert(
			fc.property(scenario, fc.nat(), ({ keys, size, order }, pick) => {
				const { all, page } = list(keys);
				const ids = all(order);
				fc.pre(ids.length > 0);
				const rows = page(order, ids.length, {}).rows;
				const from = rows[pick % rows.length];
				let current = page(order, size, { after: `${from.k}_${from.id}` });
				const seen: number[] = current.rows.map((r) => r.id);
				while (current.previous !== null) {
					current = page(order, size, current.previous ? { before: current.previous } : {});
					seen.unshift(...current.rows.map((r) => r.id));
				}
				// The first page may overlap the one after it; order and coverage hold.
				const unique = seen.filter((id, i) => seen.indexOf(id) === i);
				expect(unique).toEqual(ids.slice(0, unique.length));
				expect(unique.length).toBe(Math.min(ids.length, ids.indexOf(from.id) + 1 + size));
			})
		);
	});

	it('reads only well-formed cursors', () => {
		expect(readCursor('2024-05-02_1234')).toEqual({ key: '2024-05-02', id: 1234 });
		expect(readCursor('a_b_7')).toEqual({ key: 'a_b', id: 7 });
		for (const bad of [null, '', '2024-05-02', '_12', '2024-05-02_', '2024_1e5', 'x_-1'])
			expect(readCursor(bad)).toBeUndefined();
	});
});
