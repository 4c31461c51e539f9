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
 * Above this, a summary is served one generation late while it is rebuilt between requests:
 * a reader waiting longer for filter choices or figures would notice more than a stale count.
 */
export const STALE_AFTER_MS = 50;
/** The same for computations that wait on the reader thread: a reader waiting blocks nobody else. */
export const STALE_ASIDE_AFTER_MS = 250;

/**
 * A value's first computation pays one-time costs (the gazetteer, code not yet optimised): only
 * rebuilds tell how long a rebuild takes.
 */
const costOf = (ms: number, first: boolean) => (first ? 0 : ms);

type Options = {
	/** Values kept side by side (the dashboard's "today" differs between time zones). */
	keep?: number;
	/**
	 * When the last computation took longer than this many ms, serve the previous generation's
	 * value while the new one is computed after the current request (stale-while-revalidate): a
	 * write then makes no reader wait for a rebuild. Below it (a real network's size, tests) the
	 * value is always fresh, so whoever just wrote sees their change. For summaries a moment out
	 * of date harms nobody (filter choices, staff figures, the map).
	 */
	staleAfterMs?: number;
};

type Entry<T> = { version: string; value: T; ms: number };

/**
 * One value per database and argument, computed again only when `dataVersion` moves: the first
 * request after a write pays for it, unless the computation is slow (`staleAfterMs`). The
 * rebuild still runs on the server's one thread; it just runs between requests, not in one.
 */
export function cachedPerVersion<D extends { $client: Database.Database }, T>(
	compute: (db: D, arg: string) => T,
	options: number | Options = {}
) {
	const { keep = 4, staleAfterMs = Infinity } =
		typeof options === 'number' ? { keep: options } : options;
	const cache = new WeakMap<Database.Database, Map<string, Entry<T>>>();
	// One rebuild at a time per cache: a burst of writes queues one, not one per reader.
	const pending = new WeakMap<Database.Database, Set<string>>();

	const store = (db: D, arg: string, entry: Entry<T>) => {
		let values = cache.get(db.$client);
		if (!values) cache.set(db.$client, (values = new Map()));
		values.delete(arg);
		if (values.size >= keep) values.delete(values.keys().next().value as string);
		values.set(arg, entry);
	};
	// Computing only reads, so the version read before still describes the value.
	const fresh = (db: D, arg: string) => {
		const version = dataVersion(db.$client);
		const first = !cache.get(db.$client)?.has(arg);
		const started = performance.now();
		const value = compute(db, arg);
		const entry = { version, value, ms: costOf(performance.now() - started, first) };
		store(db, arg, entry);
		return entry;
	};
	const refreshLater = (db: D, arg: string) => {
		let queued = pending.get(db.$client);
		if (!queued) pending.set(db.$client, (queued = new Set()));
		if (queued.has(arg)) return;
		queued.add(arg);
		setImmediate(() => {
			try {
				if (cache.get(db.$client)?.get(arg)?.version !== dataVersion(db.$client)) fresh(db, arg);
			} catch (error) {
				// The previous value stays; the next reader asks again.
				console.error('Passerelle: rebuilding a cached summary failed:', error);
			} finally {
				queued.delete(arg);
			}
		});
	};

	const read = (db: D, arg: string): T => {
		const entry = cache.get(db.$client)?.get(arg);
		if (entry && entry.version === dataVersion(db.$client)) return entry.value;
		if (entry && entry.ms > staleAfterMs && db.$client.open) {
			refreshLater(db, arg);
			return entry.value;
		}
		return fresh(db, arg).value;
	};
	/** Whether a rebuild is queued or running (tests, warm-up). */
	read.rebuilding = (db: D) => (pending.get(db.$client)?.size ?? 0) > 0;
	return read;
}

/**
 * `cachedPerVersion` for computations that wait for the reader thread (db/reader.ts): while one
 * runs, the server's thread answers other requests. A reader waits only for a value never
 * computed (warmed at start-up) or a quick one; a slow one is served a generation late while
 * its rebuild runs, one rebuild at a time per value.
 */
export function cachedPerVersionAsync<D extends { $client: Database.Database }, T>(
	compute: (db: D, arg: string) => Promise<T>,
	{ keep = 4, staleAfterMs = STALE_ASIDE_AFTER_MS }: Options = {}
) {
	const cache = new WeakMap<Database.Database, Map<string, Entry<T>>>();
	const running = new WeakMap<Database.Database, Map<string, Promise<Entry<T>>>>();

	const rebuild = (db: D, arg: string) => {
		let runs = running.get(db.$client);
		if (!runs) running.set(db.$client, (runs = new Map()));
		const current = runs.get(arg);
		if (current) return current;
		const version = dataVersion(db.$client);
		const first = !cache.get(db.$client)?.has(arg);
		const started = performance.now();
		const promise = compute(db, arg)
			.then((value) => {
				const entry = { version, value, ms: costOf(performance.now() - started, first) };
				let values = cache.get(db.$client);
				if (!values) cache.set(db.$client, (values = new Map()));
				values.delete(arg);
				if (values.size >= keep) values.delete(values.keys().next().value as string);
				values.set(arg, entry);
				return entry;
			})
			.finally(() => runs.delete(arg));
		runs.set(arg, promise);
		return promise;
	};

	const read = async (db: D, arg: string): Promise<T> => {
		const entry = cache.get(db.$client)?.get(arg);
		if (entry && entry.version === dataVersion(db.$client)) return entry.value;
		if (entry && entry.ms > staleAfterMs) {
			rebuild(db, arg).catch((error) =>
				console.error('Passerelle: rebuilding a cached summary failed:', error)
			);
			return entry.value;
		}
		return (await rebuild(db, arg)).value;
	};
	/** Whether a rebuild is running (tests). */
	read.rebuilding = (db: D) => (running.get(db.$client)?.size ?? 0) > 0;
	return read;
}
