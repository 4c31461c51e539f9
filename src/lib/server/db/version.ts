import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Changes whenever what the cached summaries read may have changed: `data_generation` is bumped
 * by triggers on organisations, visits, their organisations, lessons and actions (migration
 * 0011), on this connection or any other; `PRAGMA data_version` moves when another connection
 * (the jobs process, a CLI) commits anything. One tiny query, and exact without every write
 * path having to invalidate a cache; sessions, notifications and audit writes leave it alone.
 */
export function dataVersion(client: Database.Database): string {
	let statement = statements.get(client);
	if (!statement) {
		statement = client.prepare(
			'SELECT (SELECT n FROM data_generation WHERE id = 1), data_version FROM pragma_data_version'
		);
		statements.set(client, statement);
	}
	const row = statement.raw().get() as [number, number];
	return `${row[1]}:${row[0]}`;
}

/**
 * One value per database and argument, computed again only when `dataVersion` moves: the first
 * request after a write pays for it, every other one reads it from memory. A few arguments are
 * kept side by side (the dashboard's "today" differs between time zones around midnight).
 */
export function cachedPerVersion<D extends { $client: Database.Database }, T>(
	compute: (db: D, arg: string) => T,
	keep = 4
) {
	const cache = new WeakMap<Database.Database, { version: string; values: Map<string, T> }>();
	return (db: D, arg: string): T => {
		const version = dataVersion(db.$client);
		let entry = cache.get(db.$client);
		if (entry?.version !== version) {
			entry = { version, values: new Map() };
			cache.set(db.$client, entry);
		}
		if (entry.values.has(arg)) return entry.values.get(arg)!;
		// Computing only reads, so the version read before still describes the value.
		const value = compute(db, arg);
		if (entry.values.size >= keep) entry.values.clear();
		entry.values.set(arg, value);
		return value;
	};
}
