import type Database from 'better-sqlite3';

/**
 * A query built and prepared once per database, for the few that run on every request (session,
 * memberships, unread count): building the SQL and preparing it again each time was most of
 * what the app added to a bare SvelteKit page (profiled with `node --cpu-prof`).
 */
export function preparedOnce<D extends object, P>(build: (db: D) => P): (db: D) => P {
	const cache = new WeakMap<D, P>();
	return (db) => {
		let prepared = cache.get(db);
		if (!prepared) {
			prepared = build(db);
			cache.set(db, prepared);
		}
		return prepared;
	};
}

/**
 * Makes `sqlite.prepare` reuse the statements of the last `max` distinct SQL texts. Drizzle
 * prepares every query it runs afresh; under load that preparing was ~5 % of a page's server
 * time (`node --cpu-prof`). A reused statement may carry the output mode its last caller set
 * (drizzle switches statements to `raw()`), so that mode is reset before it is handed out again.
 * The same statement may be in several hands: whoever keeps one sets its mode on every use
 * (`.pluck().get()`), and nobody `bind()`s one for good.
 */
export function reuseStatements(sqlite: Database.Database, max = 500) {
	const prepare = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		let statement = cache.get(source);
		if (statement) {
			cache.delete(source);
			if (statement.reader) statement.raw(false).pluck(false).expand(false);
		} else {
			statement = prepare(source);
			if (cache.size >= max) cache.delete(cache.keys().next().value as string);
		}
		cache.set(source, statement);
		return statement;
	}) as typeof sqlite.prepare;
}
