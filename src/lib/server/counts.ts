// Long lists (200 000 lessons, 400 000 actions) are not counted in full on every request.

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
