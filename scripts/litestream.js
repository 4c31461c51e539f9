// `npm run replicate` and `npm run restore`: Litestream (litestream.yml) around the database at
// DATABASE_PATH, with the variables litestream.yml reads given their defaults here.
//
//   npm run replicate                       the server (`npm start`'s command and heap flags) run
//                                           by `litestream replicate -exec`: every commit is
//                                           shipped to the replica within LITESTREAM_SYNC_INTERVAL
//   npm run restore -- [--to FILE] [--force]  the newest state of the replica written to FILE
//                                           (default DATABASE_PATH); refuses to replace an
//                                           existing database unless --force (stop the server
//                                           first: a running server keeps its open file)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { serverEnv, serverNodeFlags } from './heap.js';

/** The Litestream binary of the npm package, for this platform. */
export function litestreamBinary() {
	const require = createRequire(import.meta.url);
	const pkg = `@flydotio/litestream-${process.platform}-${process.arch}`;
	return resolve(dirname(require.resolve(`${pkg}/package.json`)), 'litestream');
}

/** The environment litestream.yml expands, defaults filled in (paths made absolute). */
export function litestreamEnv(env = process.env) {
	const database = resolve(env.DATABASE_PATH || './data/passerelle.db');
	return {
		...env,
		// Litestream passes its environment to the server it runs (-exec).
		...serverEnv(env),
		DATABASE_PATH: database,
		LITESTREAM_REPLICA_URL:
			env.LITESTREAM_REPLICA_URL || pathToFileURL(resolve(dirname(database), 'replica')).href,
		LITESTREAM_S3_ENDPOINT: env.LITESTREAM_S3_ENDPOINT ?? '',
		LITESTREAM_S3_REGION: env.LITESTREAM_S3_REGION ?? '',
		LITESTREAM_SYNC_INTERVAL: env.LITESTREAM_SYNC_INTERVAL || '1s',
		LITESTREAM_SNAPSHOT_INTERVAL: env.LITESTREAM_SNAPSHOT_INTERVAL || '24h',
		LITESTREAM_RETENTION: env.LITESTREAM_RETENTION || '72h'
	};
}

/** Where Litestream keeps its shadow WAL and generation beside a database: `.<name>-litestream`. */
export function litestreamNotes(database) {
	return join(dirname(database), `.${basename(database)}-litestream`);
}

const CONFIG = resolve(dirname(new URL(import.meta.url).pathname), '../litestream.yml');

/** `litestream replicate -exec <the server>`; Litestream stops when the server does. */
export function replicate(env = process.env, options = {}) {
	const server = [process.execPath, ...serverNodeFlags(env), resolve('scripts/start.js')];
	return spawn(
		litestreamBinary(),
		['replicate', '-config', CONFIG, '-exec', server.map((a) => JSON.stringify(a)).join(' ')],
		{ stdio: 'inherit', env: litestreamEnv(env), ...options }
	);
}

/**
 * The replica's newest state written to `to`, integrity-checked. Returns an error message, or
 * null when done.
 */
export function restore({ to, force = false, env = process.env, stdio = 'inherit' }) {
	const full = litestreamEnv(env);
	const target = resolve(to || full.DATABASE_PATH);
	const files = [target, `${target}-wal`, `${target}-shm`];
	if (files.some((f) => existsSync(f))) {
		if (!force) {
			return `${target} exists: a live database is never replaced unless you pass --force (stop the server first).`;
		}
		for (const f of files) rmSync(f, { force: true });
		// Litestream's own notes on the replaced database (its shadow WAL) would not match the new one.
		if (target === full.DATABASE_PATH)
			rmSync(litestreamNotes(target), { recursive: true, force: true });
	}
	const run = spawnSync(
		litestreamBinary(),
		['restore', '-config', CONFIG, '-o', target, full.DATABASE_PATH],
		{ stdio, env: full, encoding: 'utf8' }
	);
	if (run.status !== 0) return `litestream restore failed (exit ${run.status}) ${run.stderr ?? ''}`;
	const db = new Database(target);
	const integrity = db.pragma('integrity_check', { simple: true });
	db.close();
	if (integrity !== 'ok') return `the restored database failed its integrity check: ${integrity}`;
	return null;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { to: { type: 'string' }, force: { type: 'boolean', default: false } }
	});
	if (positionals[0] === 'replicate') {
		const child = replicate();
		for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
		child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
	} else if (positionals[0] === 'restore') {
		const problem = restore(values);
		if (problem) {
			console.error(`Not restored: ${problem}`);
			process.exit(1);
		}
		console.log(
			`Restored to ${resolve(values.to || litestreamEnv().DATABASE_PATH)}: integrity ok.`
		);
	} else {
		console.error('Usage: node scripts/litestream.js replicate | restore [--to FILE] [--force]');
		process.exit(2);
	}
}
