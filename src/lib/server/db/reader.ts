// Heavy read-only aggregates (the dashboard's tallies over 400 000 actions, the map's pairs of
// organisations) run on a second, read-only connection in a worker thread: the server's one
// JavaScript thread keeps answering while SQLite works, instead of stalling every request for the
// length of the query. WAL lets that connection read while the main one writes.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { DB } from './';

/** The worker's whole program: open the file read-only, run what it is sent, answer raw rows. */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', ({ id, sql, params }) => {
	try {
		parentPort.postMessage({ id, rows: db.prepare(sql).raw().all(...params) });
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.message || error) });
	}
});`;

type Pending = { resolve: (rows: unknown[][]) => void; reject: (error: Error) => void };
type Reader = { worker: Worker; pending: Map<number, Pending>; next: number };

const readers = new WeakMap<Database.Database, Reader>();
const dialect = new SQLiteSyncDialect();

function readerOf(client: Database.Database): Reader | undefined {
	// In-memory databases (unit tests) have no file a second connection could open.
	if (client.memory || !client.name) return undefined;
	let reader = readers.get(client);
	if (reader) return reader;
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(PROGRAM, { eval: true, workerData: { driver, path: client.name } });
	const created: Reader = { worker, pending: new Map(), next: 0 };
	const fail = (error: Error) => {
		readers.delete(client);
		for (const p of created.pending.values()) p.reject(error);
		created.pending.clear();
	};
	worker.on('message', ({ id, rows, error }) => {
		const p = created.pending.get(id);
		created.pending.delete(id);
		if (!created.pending.size) worker.unref();
		if (error) p?.reject(new Error(error));
		else p?.resolve(rows);
	});
	worker.on('error', fail);
	worker.on('exit', () => fail(new Error('the reader thread stopped')));
	// Kept alive only while a query is out (start-up awaits one before anything listens); idle, it
	// never keeps a stopping server alive. (After the listeners: adding one refs the worker again.)
	worker.unref();
	readers.set(client, created);
	return created;
}

type Query = SQL | { toSQL(): { sql: string; params: unknown[] } };

/**
 * The rows of a read-only query, run beside the server's thread when the database is a file and
 * inline otherwise; each raw row is named by `fields`, in the order the query selects them.
 */
export async function readAside<K extends string>(
	db: DB,
	query: Query,
	fields: readonly K[]
): Promise<Record<K, unknown>[]> {
	const { sql, params } = 'toSQL' in query ? query.toSQL() : dialect.sqlToQuery(query);
	const reader = readerOf(db.$client);
	const rows = reader
		? await new Promise<unknown[][]>((resolve, reject) => {
				const id = reader.next++;
				if (!reader.pending.size) reader.worker.ref();
				reader.pending.set(id, { resolve, reject });
				reader.worker.postMessage({ id, sql, params });
			})
		: (db.$client
				.prepare(sql)
				.raw()
				.all(...params) as unknown[][]);
	return rows.map(
		(row) => Object.fromEntries(fields.map((f, i) => [f, row[i]])) as Record<K, unknown>
	);
}
