// The rows of a long export read a page at a time by their sort key (keyset pagination): each
// page starts after the last row of the previous one, so the database never holds a read open
// between pages, no page costs more than the first, and memory holds one page, not the list.

export type KeysetOptions = {
	/** Rows read per query. */
	pageSize?: number;
	/** No more rows than this in all. */
	max?: number;
};

export const EXPORT_PAGE_SIZE = 1000;

/**
 * Rows one after the other, read lazily in pages: `readPage(after, limit)` gives up to `limit`
 * rows in sort order, the first ones after the key `after` (null: from the start). Stopping the
 * generator (`return()`, as a cancelled response does) reads no further page.
 */
export function* keysetRows<R, K>(
	readPage: (after: K | null, limit: number) => R[],
	keyOf: (row: R) => K,
	{ pageSize = EXPORT_PAGE_SIZE, max = Infinity }: KeysetOptions = {}
): Generator<R, void, undefined> {
	let after: K | null = null;
	for (let left = max; left > 0;) {
		const limit = Math.min(pageSize, left);
		const rows = readPage(after, limit);
		yield* rows;
		left -= rows.length;
		if (rows.length < limit) return;
		after = keyOf(rows[rows.length - 1]);
	}
}
