// Long lists (200 000 lessons, 400 000 actions) are not counted in full on every request.
import { count, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DB } from './';

/** Beyond this many matches a list says "1000+" instead of counting them all. */
export const COUNT_CAP = 1000;

/**
 * How many rows a list selects, counting no further than needed: COUNT_CAP, or far enough to know
 * whether `page` exists. `more` says there are others beyond `total`.
 */
export function cappedCount(count: (limit: number) => number, page: number, pageSize: number) {
	const limit = Math.max(COUNT_CAP, page * pageSize) + 1;
	const n = count(limit);
	return n >= limit ? { total: limit - 1, more: true } : { total: n, more: false };
}

/**
 * The rows of `table` matching `where`, counted as cappedCount does, and the page to show: the one
 * asked for, kept within the pages that exist.
 */
export function cappedPages(
	db: DB,
	table: SQLiteTable,
	where: SQL | undefined,
	asked: number | undefined,
	pageSize: number
) {
	const wanted = Math.max(1, asked ?? 1);
	const { total, more } = cappedCount(
		(limit) =>
			db
				.select({ n: count() })
				.from(
					db
						.select({ one: sql`1` })
						.from(table)
						.where(where)
						.limit(limit)
						.as('capped')
				)
				.get()?.n ?? 0,
		wanted,
		pageSize
	);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	return { total, more, pages, page: Math.min(wanted, pages) };
}
