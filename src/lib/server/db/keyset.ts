// Keyset ("cursor") pagination: a page starts after the last row of the one before, found through
// the index in the list's order, so page 200 costs what page 1 costs — OFFSET read and threw away
// every row before it. The cursor is a row's sort key and id, readable and shareable in a URL
// (`?after=2024-05-02_1234`); the id breaks ties between rows with the same key.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export type Cursor = { key: string; id: number };
export type Order = 'asc' | 'desc';

const CURSOR = /^(.{1,40})_(\d{1,15})$/;

export function readCursor(value: string | null | undefined): Cursor | undefined {
	const match = CURSOR.exec(value ?? '');
	return match ? { key: match[1], id: Number(match[2]) } : undefined;
}

export const formatCursor = (c: Cursor) => `${c.key}_${c.id}`;

const flip = (order: Order): Order => (order === 'asc' ? 'desc' : 'asc');

/** Rows that come after `cursor` when reading in `order`, as one row-value comparison. */
export function beyond(key: SQLWrapper, id: SQLWrapper, cursor: Cursor, order: Order): SQL {
	return order === 'desc'
		? sql`(${key}, ${id}) < (${cursor.key}, ${cursor.id})`
		: sql`(${key}, ${id}) > (${cursor.key}, ${cursor.id})`;
}

export type KeysetPage<R> = {
	rows: R[];
	/** The cursor of the previous page, null when this is the first. */
	previous: string | null;
	/** The cursor of the next page, null when this is the last. */
	next: string | null;
};

/**
 * One page of `size` rows in `order`: the first, the one after `after`, or the one before
 * `before`. `fetch` runs the list's query with the bound it is given; `cursorOf` reads a row's key.
 * Going back past the start shows the first page, so a page always holds `size` rows while
 * there are that many.
 */
export function keysetPage<R>(
	fetch: (bound: { cursor: Cursor; order: Order } | undefined, order: Order, limit: number) => R[],
	cursorOf: (row: R) => Cursor,
	{ order, after, before, size }: { order: Order; after?: Cursor; before?: Cursor; size: number }
): KeysetPage<R> {
	const exists = (cursor: Cursor, direction: Order) =>
		fetch({ cursor, order: direction }, direction, 1).length > 0;
	if (before && !after) {
		const back = fetch({ cursor: before, order: flip(order) }, flip(order), size + 1);
		if (back.length > size) {
			const rows = back.slice(0, size).reverse();
			const last = cursorOf(rows[rows.length - 1]);
			return {
				rows,
				previous: formatCursor(cursorOf(rows[0])),
				next: exists(last, order) ? formatCursor(last) : null
			};
		}
		// Back at the start: the first page.
		return keysetPage(fetch, cursorOf, { order, size });
	}
	const found = fetch(after ? { cursor: after, order } : undefined, order, size + 1);
	const rows = found.slice(0, size);
	const next = found.length > size ? formatCursor(cursorOf(rows[size - 1])) : null;
	if (!after) return { rows, previous: null, next };
	if (!rows.length) {
		// A link past the end (its rows deleted since it was shared): the last page.
		const last = fetch(undefined, flip(order), size + 1);
		if (!last.length) return { rows: [], previous: null, next: null };
		const page = last.slice(0, size).reverse();
		return {
			rows: page,
			previous: last.length > size ? formatCursor(cursorOf(page[0])) : null,
			next: null
		};
	}
	const first = cursorOf(rows[0]);
	return { rows, previous: exists(first, flip(order)) ? formatCursor(first) : null, next };
}
