// `npm run backup -- <file>`: a consistent copy of the database (DATABASE_PATH, default
// ./data/passerelle.db) while the server keeps serving. SQLite's online backup API copies the
// pages under a read transaction, so the copy is one committed state, never a half-written one.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';

const source = process.env.DATABASE_PATH || './data/passerelle.db';
const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run backup -- <file>   (copies DATABASE_PATH into <file>)');
	process.exit(2);
}
if (!existsSync(source)) {
	console.error(`No database at ${source} (set DATABASE_PATH).`);
	process.exit(1);
}

const started = Date.now();
const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// Written next to the target, then renamed: a backup cut short never looks like a good one.
const partial = `${target}.partial`;
rmSync(partial, { force: true });
// All the remaining pages in each step: a step interrupted by a write would start over, and a
// busy server could keep a page-by-page copy from ever finishing.
await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
db.close();

const copy = new Database(partial);
const integrity = copy.pragma('integrity_check', { simple: true });
// A standalone file: no -wal beside it, whatever the source's journal mode.
copy.pragma('journal_mode = DELETE');
const tables = copy
	.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	.all().length;
copy.close();
if (integrity !== 'ok') {
	console.error(`The copy failed its integrity check (${integrity}); kept as ${partial}.`);
	process.exit(1);
}
renameSync(partial, target);
console.log(
	`Backup of ${source} written to ${target} (${tables} tables, integrity ok, ${Date.now() - started} ms).`
);
