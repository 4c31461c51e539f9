import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** Creation time in milliseconds since the epoch, filled by SQLite. */
export const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** `col IN ('a', 'b')` for CHECK constraints on enum columns. */
export const oneOf = (column: unknown, values: readonly string[]) =>
	sql`${column} IN (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

/**
 * A column always written with its table ("lessons"."visit_id"): Drizzle drops the table in the
 * select list of a one-table query, which breaks correlated subqueries there.
 */
export const qualified = (column: { name: string; table: unknown }) =>
	sql.raw(
		`"${(column.table as Record<symbol, string>)[Symbol.for('drizzle:Name')]}"."${column.name}"`
	);
