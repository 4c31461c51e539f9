import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { migrate } from './migrate';
import { reuseStatements } from './prepared';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A database or a transaction: domain modules accept either. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0] | DB;

export const DEFAULT_DATABASE_PATH = './data/passerelle.db';

/**
 * Opens (creating when missing) the SQLite file and applies the migrations.
 * WAL lets readers go on while one writer commits; synchronous=NORMAL is durable in WAL mode
 * across application crashes (npm run test:crash kills the server mid-writes to prove it), but a
 * power cut can lose the last commits: DATABASE_SYNCHRONOUS=FULL syncs the WAL at each commit for
 * machines where that matters. The busy timeout makes a second writer wait instead of failing.
 */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH): DB {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	// The benchmark replays the SQL of one page in its bare-node reference server (SQL_TRACE_FILE).
	const trace = process.env.SQL_TRACE_FILE;
	const sqlite = new Database(
		path,
		trace ? { verbose: (sql) => appendFileSync(trace, `${sql}\n;;\n`) } : undefined
	);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma(`synchronous = ${process.env.DATABASE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	reuseStatements(sqlite);
	const db = drizzle(sqlite, { schema }) as DB;
	migrate(db);
	// Statistics for the planner where they are missing or stale (after a migration added an
	// index, say): without them SQLite can pick an index that sorts 100 000 rows. Bounded work.
	sqlite.pragma('analysis_limit = 1000');
	sqlite.pragma('optimize = 0x10002');
	return db;
}

let current: DB | undefined;

/** The server's database, opened once by the `init` hook. */
export function getDb(): DB {
	if (!current) throw new Error('The database is not open yet (init hook has not run).');
	return current;
}

export function setDb(db: DB) {
	current = db;
}
