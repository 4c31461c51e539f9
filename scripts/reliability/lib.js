// Shared by the reliability harnesses (crash, load, fuzz, backup): the production server on a
// scratch database with the demo network, sign-in and form posts over HTTP as a browser does.
import { spawn } from 'node:child_process';
import { serverEnv, serverNodeFlags } from '../heap.js';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { signIn, waitFor } from '../bench/server.js';

export { signIn };
export const DEMO_PASSWORD = 'passerelle-demo';
export const ACCOUNTS = {
	staff: 'staff@partage.example.org',
	keoogoCoordinator: 'coordinator@keoogo.example.org',
	dtCoordinator: 'coordinator@dispensaire-trottoir.example.org',
	keoogoMember: 'member@keoogo.example.org'
};

/** Named options of a command line: `--cycles 3` → { cycles: '3' }. */
export function cliOptions(argv = process.argv.slice(2)) {
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		if (argv[i].startsWith('--')) options[argv[i].slice(2)] = argv[i + 1] ?? '';
	}
	return options;
}

export function scratchDir(name) {
	return mkdtempSync(join(tmpdir(), `passerelle-${name}-`));
}

export function requireBuild() {
	if (!existsSync('build/index.js')) {
		console.error('No production build: run `npm run build` first.');
		process.exit(1);
	}
}

/**
 * `npm start` (scripts/start.js) on `database`, with the demo network written into it when empty.
 * The server's output is appended to `log`, which the harnesses search for SQLITE_BUSY and errors.
 */
export async function startServer(database, port, log, env = {}) {
	const origin = `http://127.0.0.1:${port}`;
	const out = createWriteStream(log, { flags: 'a' });
	const child = spawn(process.execPath, [...serverNodeFlags(), 'scripts/start.js'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			...serverEnv(),
			DATABASE_PATH: database,
			DEMO_DATA: '1',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			// Reminder jobs writing mid-run would only blur what the harness counts.
			JOBS_DISABLED: '1',
			...env
		}
	});
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	const orphan = () => child.kill('SIGKILL');
	process.on('exit', orphan);
	child.once('exit', () => process.off('exit', orphan));
	await waitFor(`${origin}/health`, 600);
	return { child, origin };
}

/**
 * What the crash, load and fuzz harnesses start with: their options (`--port P`, else E2E_PORT), a
 * scratch folder, and the production server on a fresh demo database in it (its output in
 * server.log). `start()` starts it again on the same database; `prefix` tags this run's writes.
 */
export async function setUp(name) {
	const options = cliOptions();
	const port = Number(options.port ?? process.env.E2E_PORT ?? 4179);
	requireBuild();
	const dir = scratchDir(name);
	const database = join(dir, `${name}.db`);
	const log = join(dir, 'server.log');
	const start = () => startServer(database, port, log);
	const prefix = `${name}-${Date.now().toString(36)}-`;
	return { options, dir, database, log, prefix, start, server: await start() };
}

/** A failed run keeps its database and server log to look at (and exits 1); a passed one not. */
export function tearDown(dir, failed) {
	if (failed) {
		console.error(`Database and server log kept in ${dir}`);
		process.exit(1);
	}
	rmSync(dir, { recursive: true, force: true });
}

/** Signs the accounts in and finds, as each of them, the agendas and actions they may write to. */
export async function signInWriters(origin, database, emails) {
	const users = [];
	for (const email of emails) {
		const cookie = await signIn(origin, email, DEMO_PASSWORD);
		users.push({ email, cookie, targets: await findTargets(origin, database, cookie) });
	}
	return users;
}

export function killHard(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', resolve);
		child.kill('SIGKILL');
	});
}

export function stopServer(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', resolve);
		child.kill('SIGTERM');
	});
}

/**
 * Posts a form action the way `use:enhance` does (JSON answer). Returns the HTTP status and
 * SvelteKit's result type: 'success', 'failure' (fail()), 'redirect', 'error' (error()).
 */
export async function postAction(origin, path, cookie, fields, { signal } = {}) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) {
		for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
	}
	const response = await fetch(origin + path, {
		method: 'POST',
		body,
		redirect: 'manual',
		signal,
		headers: { origin, accept: 'application/json', cookie, 'x-sveltekit-action': 'true' }
	});
	const text = await response.text();
	let type = 'unknown';
	try {
		type = JSON.parse(text).type ?? type;
	} catch {
		// not JSON: a page or a plain error
	}
	return { status: response.status, type, text };
}

export function openDb(path, options = {}) {
	const db = new Database(path, options);
	db.pragma('busy_timeout = 5000');
	return db;
}

function daysBetween(from, to) {
	const days = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`);) {
		days.push(d.toISOString().slice(0, 10));
		d = new Date(d.getTime() + 86_400_000);
	}
	return days;
}

/**
 * Where each user may write, found as a browser would: visits whose agenda page shows the add
 * form, actions whose page shows the progress form. Candidates come from the database.
 */
export async function findTargets(origin, database, cookie, { max = 4 } = {}) {
	const db = openDb(database, { readonly: true });
	const visits = db
		.prepare(
			`SELECT id, starts_on AS startsOn, ends_on AS endsOn FROM visits
			 WHERE status IN ('draft','proposed','accepted','confirmed') ORDER BY id`
		)
		.all();
	const actions = db.prepare(`SELECT id FROM actions ORDER BY id`).all();
	db.close();
	const agendas = [];
	for (const v of visits) {
		if (agendas.length >= max) break;
		const html = await (
			await fetch(`${origin}/visits/${v.id}/agenda`, { headers: { cookie } })
		).text();
		if (html.includes('add-session'))
			agendas.push({ ...v, days: daysBetween(v.startsOn, v.endsOn) });
	}
	const progress = [];
	for (const a of actions) {
		if (progress.length >= max) break;
		const html = await (await fetch(`${origin}/actions/${a.id}`, { headers: { cookie } })).text();
		if (html.includes('?/progress')) progress.push(a.id);
	}
	return { agendas, actions: progress };
}

export const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** One write a user may make: an agenda session or an action progress note, tagged `tag`. */
export function writeRequest(targets, tag, agendaShare = 0.5) {
	if (targets.actions.length && (Math.random() >= agendaShare || !targets.agendas.length)) {
		const id = pick(targets.actions);
		return { kind: 'note', path: `/actions/${id}?/progress`, fields: { note: tag, status: '' } };
	}
	const visit = pick(targets.agendas);
	return {
		kind: 'title',
		visit,
		path: `/visits/${visit.id}/agenda?/add`,
		fields: {
			day: pick(visit.days),
			startsAt: '09:00',
			endsAt: '10:00',
			kind: 'meeting',
			title: tag,
			place: '',
			leadOrganisationId: '',
			leadName: '',
			notes: '',
			// Many sessions at the same hour: the harness says they are parallel tracks on purpose.
			parallel: 'on'
		}
	};
}

/** Which tags made it into the database: agenda titles and progress notes. */
export function storedTags(db, prefix) {
	const like = `${prefix}%`;
	const titles = db.prepare('SELECT title AS t FROM agenda_items WHERE title LIKE ?').all(like);
	const notes = db.prepare('SELECT note AS t FROM action_updates WHERE note LIKE ?').all(like);
	return new Set([...titles, ...notes].map((r) => r.t));
}

// Malformed bodies --------------------------------------------------------------------------------

/** The app's limits (src/lib/server/http/body.ts): forms, and signed-in lesson uploads. */
export const FORM_BODY_LIMIT = 4 * 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024;

/**
 * Bodies a server cannot read, each of which must be answered with a 4xx and change nothing:
 * a multipart cut off on the way, a type that is not a form (or none), raw bytes that are not
 * UTF-8, broken percent-encoding, a body over the limit.
 */
export const MALFORMED = ['truncated', 'wrongType', 'badUtf8', 'badPercent', 'oversized'];
const WRONG_TYPES = [
	'text/plain',
	'application/json',
	'application/xml',
	'text/html; charset=utf-8',
	'multipart/form-data',
	'multipart/form-data; boundary=not-the-one',
	'application/x-www-form-urlencodedx',
	null
];
// Broken wherever they land (before hex digits too): `%%41` is, `%41` would not be.
const BAD_ESCAPES = ['%%', '%z', '%zz', '%G1', '%FF', '%C3%28', '%ED%A0%80', '%E2%82%28', '%C0%AF'];
const NOT_UTF8 = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x80]];

async function encoded(body) {
	const request = new Request('http://body.invalid/', { method: 'POST', body });
	return {
		body: Buffer.from(await request.arrayBuffer()),
		type: request.headers.get('content-type')
	};
}

/**
 * One malformed body for `fields` ([name, value][]): `pick` (a number in [0, 1)) chooses the
 * variant and where the body is cut or spoiled. Returns the bytes and the content type to send
 * (null: none).
 */
export async function malformedBody(mode, fields, pick, { upload = false } = {}) {
	const urlencoded = () => {
		const params = new URLSearchParams();
		for (const [k, v] of fields) params.append(k, v);
		return params.toString();
	};
	const choose = (list) => list[Math.floor(pick * list.length) % list.length];
	const spliceAt = (text, piece) => {
		const at = Math.floor(pick * (text.length + 1));
		return text.slice(0, at) + piece + text.slice(at);
	};
	if (mode === 'truncated') {
		const form = new FormData();
		for (const [k, v] of fields) form.append(k, v);
		const { body, type } = await encoded(form);
		// Never only the last line break: the closing boundary itself is cut.
		return {
			body: body.subarray(0, Math.min(Math.floor(body.length * pick), body.length - 8)),
			type
		};
	}
	if (mode === 'wrongType') return { body: Buffer.from(urlencoded()), type: choose(WRONG_TYPES) };
	if (mode === 'badPercent') {
		const escape = choose(BAD_ESCAPES);
		return {
			body: Buffer.from(spliceAt(urlencoded() || 'note=', escape)),
			type: 'application/x-www-form-urlencoded'
		};
	}
	if (mode === 'badUtf8') {
		const bytes = Buffer.from(choose(NOT_UTF8));
		if (pick < 0.5) {
			// Raw bytes in an urlencoded body.
			const text = urlencoded() || 'note=';
			const at = Math.floor(pick * 2 * (text.length + 1));
			const body = Buffer.concat([
				Buffer.from(text.slice(0, at)),
				bytes,
				Buffer.from(text.slice(at))
			]);
			return { body, type: 'application/x-www-form-urlencoded' };
		}
		// A text field of a multipart body.
		const form = new FormData();
		for (const [k, v] of fields) form.append(k, v);
		form.append('note', 'MARK');
		const { body, type } = await encoded(form);
		const at = body.lastIndexOf('MARK');
		return { body: Buffer.concat([body.subarray(0, at), bytes, body.subarray(at + 4)]), type };
	}
	if (mode === 'oversized') {
		const limit = upload ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
		const head = Buffer.from(`${urlencoded()}&padding=`);
		return {
			body: Buffer.concat([head, Buffer.alloc(limit + 1 - Math.min(head.length, limit), 0x61)]),
			type: 'application/x-www-form-urlencoded'
		};
	}
	throw new Error(`unknown malformed body: ${mode}`);
}
