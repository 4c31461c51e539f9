// `npm run test:restore -- [--seconds S] [--workers W] [--grace G] [--port P]`: the restore
// drill. The server runs under Litestream as `npm run replicate` runs it (file replica in a
// scratch folder), takes concurrent writes over HTTP for S seconds (each acknowledged write
// recorded with the time of its answer), then the machine is lost: server and Litestream killed
// with SIGKILL together, the database and its -wal and -shm deleted. `npm run restore` brings the
// replica back; the drill passes when every write acknowledged more than G seconds before the
// kill is in the restored database, `PRAGMA integrity_check` is ok, restoring again over it is
// refused without --force, and the server starts on it and signs someone in. It prints the
// recovery point: how much older the newest restored write is than the last acknowledged one.
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	ACCOUNTS,
	DEMO_PASSWORD,
	cliOptions,
	openDb,
	postAction,
	requireBuild,
	scratchDir,
	signIn,
	signInWriters,
	startServer,
	stopServer,
	storedTags,
	tearDown,
	writeRequest
} from './lib.js';
import { waitFor } from '../bench/server.js';
import { litestreamNotes, replicate, restore } from '../litestream.js';

const options = cliOptions();
const port = Number(options.port ?? process.env.E2E_PORT ?? 4179);
const seconds = Number(options.seconds ?? 20);
const workers = Number(options.workers ?? 4);
const graceMs = Number(options.grace ?? 5) * 1000;
requireBuild();
const dir = scratchDir('restore');
const database = join(dir, 'restore.db');
const replica = join(dir, 'replica');
const log = join(dir, 'server.log');
const origin = `http://127.0.0.1:${port}`;
const prefix = `restore-${Date.now().toString(36)}-`;
const env = {
	...process.env,
	DATABASE_PATH: database,
	LITESTREAM_REPLICA_URL: pathToFileURL(replica).href,
	LITESTREAM_SYNC_INTERVAL: '1s',
	DEMO_DATA: '1',
	HOST: '127.0.0.1',
	PORT: String(port),
	ORIGIN: origin,
	JOBS_DISABLED: '1'
};

// Litestream and the server in a process group of their own, so that one signal kills both.
const out = createWriteStream(log, { flags: 'a' });
const group = replicate(env, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
group.stdout.pipe(out);
group.stderr.pipe(out);
const killGroup = () => {
	try {
		process.kill(-group.pid, 'SIGKILL');
	} catch {
		// already gone
	}
};
process.on('exit', killGroup);
await waitFor(`${origin}/health`, 600);

const users = (
	await signInWriters(origin, database, [ACCOUNTS.staff, ACCOUNTS.keoogoCoordinator])
).filter((u) => u.targets.agendas.length || u.targets.actions.length);
if (!users.length) throw new Error('No demo user can write anything: the demo network changed?');

/** Acknowledged writes: tag and the time its answer came. */
const acknowledged = [];
let refused = 0;
let inDoubt = 0;
let stop = false;

async function worker(w) {
	for (let n = 0; !stop; n++) {
		const user = users[(w + n) % users.length];
		const tag = `${prefix}w${w}n${n}`;
		const write = writeRequest(user.targets, tag);
		try {
			const res = await postAction(origin, write.path, user.cookie, write.fields);
			if (res.status === 200 && res.type === 'success') acknowledged.push({ tag, at: Date.now() });
			else refused++;
		} catch {
			inDoubt++;
			return;
		}
	}
}

const started = Date.now();
const running = Array.from({ length: workers }, (_, w) => worker(w));
await new Promise((r) => setTimeout(r, seconds * 1000 * (0.8 + Math.random() * 0.2)));
const killedAt = Date.now();
killGroup();
stop = true;
await Promise.all(running);
await new Promise((resolve) =>
	group.exitCode !== null || group.signalCode !== null ? resolve() : group.once('exit', resolve)
);

// The disk is lost: the database, its WAL and shared memory, Litestream's notes beside it.
for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
rmSync(litestreamNotes(database), { recursive: true, force: true });

const failures = [];
const restoreStarted = Date.now();
const problem = restore({ to: database, env, stdio: 'pipe' });
const restoreMs = Date.now() - restoreStarted;
if (problem) failures.push(`restore: ${problem}`);

let figures = {};
if (!problem) {
	const db = openDb(database, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	const stored = storedTags(db, prefix);
	db.close();
	if (integrity !== 'ok') failures.push(`integrity_check: ${integrity}`);
	const old = acknowledged.filter((a) => killedAt - a.at > graceMs);
	const lostOld = old.filter((a) => !stored.has(a.tag));
	const restored = acknowledged.filter((a) => stored.has(a.tag));
	const last = acknowledged.at(-1);
	const newest = restored.at(-1);
	if (lostOld.length) {
		failures.push(
			`${lostOld.length} writes acknowledged more than ${graceMs / 1000} s before the kill are missing: ` +
				lostOld
					.slice(0, 5)
					.map((a) => `${a.tag} (${killedAt - a.at} ms)`)
					.join(', ')
		);
	}
	figures = {
		acknowledged: acknowledged.length,
		restored: restored.length,
		lostWithinGrace: acknowledged.length - restored.length - lostOld.length,
		recoveryPointMs: last && newest ? last.at - newest.at : null,
		lastAckBeforeKillMs: last ? Math.max(0, killedAt - last.at) : null
	};

	const again = restore({ to: database, env, stdio: 'pipe' });
	if (!again?.includes('--force'))
		failures.push(`a second restore over the database was not refused`);

	const server = await startServer(database, port, log);
	try {
		await signIn(origin, ACCOUNTS.staff, DEMO_PASSWORD);
		const page = await fetch(`${origin}/health`);
		if (!page.ok) failures.push(`the restored server answered ${page.status}`);
	} catch (error) {
		failures.push(`the server on the restored database: ${error.message}`);
	} finally {
		await stopServer(server.child);
	}
}

const f = figures;
console.log(
	`\nRestore drill: ${failures.length ? 'FAILED' : 'ok'} — ${Math.round((killedAt - started) / 1000)} s ` +
		`of writes by ${workers} writers, ${acknowledged.length} acknowledged (${refused} refused, ` +
		`${inDoubt} in flight at the kill); restored in ${restoreMs} ms: ${f.restored ?? '?'} of them, ` +
		`none missing of those older than ${graceMs / 1000} s, ${f.lostWithinGrace ?? '?'} of the last ` +
		`${graceMs / 1000} s missing; recovery point ${f.recoveryPointMs ?? '?'} ms (the last ` +
		`acknowledged write came ${f.lastAckBeforeKillMs ?? '?'} ms before the kill)`
);
for (const failure of failures) console.error(`  ${failure}`);
process.off('exit', killGroup);
tearDown(dir, failures.length > 0);
