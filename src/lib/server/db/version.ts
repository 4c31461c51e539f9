import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Changes whenever the database's content may have changed: `PRAGMA data_version` moves when
 * another connection (the jobs process, a CLI) commits, and `total_changes()` counts this
 * connection's own writes, which data_version does not see. Comparing it is one tiny query, so
 * a cache keyed on it is exact without every write path having to invalidate it.
 */
export function dataVersion(client: Database.Database): string {
	let statement = statements.get(client);
	if (!statement) {
		statement = client.prepare('SELECT total_changes() AS own, * FROM pragma_data_version');
		statements.set(client, statement);
	}
	const row = statement.raw().get() as [number, number];
	return `${row[1]}:${row[0]}`;
}

/**
 * One value per database and argument, computed again only when `dataVersion` moves: the first
 * request after a write pays for it, every other one reads it from memory.
 */
export function cachedPerVersion<D extends { $client: Database.Database }, T>(
	compute: (db: D, arg: string) => T
) {
	const cache = new WeakMap<Database.Database, { key: string; value: T }>();
	return (db: D, arg: string): T => {
		const key = `${dataVersion(db.$client)}|${arg}`;
		const hit = cache.get(db.$client);
		if (hit?.key === key) return hit.value;
		const value = compute(db, arg);
		// Computing only reads, so the version read before still describes the value.
		cache.set(db.$client, { key, value });
		return value;
	};
}
