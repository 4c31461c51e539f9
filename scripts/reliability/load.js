// `npm run test:load -- --duration S --connections C`: several signed-in users at once, 80 %
// page reads and 20 % writes (agenda sessions, action progress notes, evaluation answers saved
// through delegates' private links). Passes when every request got a 2xx, the server never logged
// SQLITE_BUSY or an unexpected error, the rows written are exactly the writes acknowledged, every
// evaluation sheet holds its last acknowledged save (sheets.js), a backup taken mid-run restores,
// and sign-in throttling still refuses a guessed password during the load.
import autocannon from 'autocannon';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
	ACCOUNTS,
	DEMO_PASSWORD,
	openDb,
	pick,
	setUp,
	signInWriters,
	stopServer,
	storedTags,
	tearDown,
	writeRequest
} from './lib.js';
import { SheetWriter, openSheets, sheetFigures } from './sheets.js';

const { options, dir, database, log, prefix, server } = await setUp('load');
const { child, origin } = server;
const duration = Number(options.duration ?? 60);
const connections = Number(options.connections ?? 100);
const backupFile = join(dir, 'backup.db');

/** Pages every demo user may open; the harness adds the visits and actions it found for each. */
const PAGES = ['/', '/visits', '/actions', '/lessons', '/notifications', '/organisations'];
const users = (
	await signInWriters(origin, database, [
		ACCOUNTS.staff,
		ACCOUNTS.keoogoCoordinator,
		ACCOUNTS.dtCoordinator,
		ACCOUNTS.keoogoMember
	])
).map((u) => ({
	...u,
	pages: [
		...PAGES,
		...u.targets.agendas.map((v) => `/visits/${v.id}/agenda`),
		...u.targets.actions.map((id) => `/actions/${id}`)
	],
	writes: u.targets.agendas.length + u.targets.actions.length > 0
}));
const writers = users.filter((u) => u.writes);
const sheetWriters = (await openSheets(origin, database, users[0].cookie)).map(
	(s) => new SheetWriter(s, prefix)
);
/** Sheets no connection is saving right now: a sheet is saved by one request at a time. */
const freeSheets = [...sheetWriters];

let counter = 0;
const sent = new Set();
const acknowledged = new Set();
const unexpected = [];
let refusedWrites = 0;
/** Sessions refused because their day already held 40: that rule working, not a failure. */
let dayFull = 0;

const read = {
	setupRequest: (req, context) => {
		context.user ??= users[Math.floor(Math.random() * users.length)];
		return {
			...req,
			method: 'GET',
			path: pick(context.user.pages),
			headers: { cookie: context.user.cookie }
		};
	}
};
const formPost = (req, path, fields, cookie) => ({
	...req,
	method: 'POST',
	path,
	body: new URLSearchParams(fields).toString(),
	headers: {
		cookie,
		origin,
		accept: 'application/json',
		'content-type': 'application/x-www-form-urlencoded',
		'x-sveltekit-action': 'true'
	}
});
const write = {
	setupRequest: (req, context) => {
		context.save = null;
		// A writer whose only programme filled up (every day at the cap) has nothing left to write.
		const active = writers.filter((u) => u.targets.agendas.length || u.targets.actions.length);
		if (!active.length) throw new Error('load: every writer has filled every target');
		const user = active[counter % active.length];
		const tag = `${prefix}${counter++}`;
		// The demo network has a single visit whose agenda can still change: a fifth of the writes
		// go there, so that one agenda does not grow to a size no real visit has.
		const w = writeRequest(user.targets, tag, 0.2);
		sent.add(tag);
		context.tag = tag;
		context.agenda =
			w.kind === 'title' ? { targets: user.targets, visit: w.visit, day: w.fields.day } : null;
		return formPost(req, w.path, w.fields, user.cookie);
	},
	onResponse: (status, body, context) => {
		const ok = status === 200 && body.includes('"type":"success"');
		if (context.save) {
			context.save.writer.answered(context.save.text, ok);
			freeSheets.push(context.save.writer);
			context.save = null;
		} else if (ok) acknowledged.add(context.tag);
		else if (context.agenda && body.includes('day_full')) {
			// The programme's day is full (the cap): later sessions go to its other days, then
			// once every day is full, the writes go to actions only.
			dayFull++;
			const { targets, visit, day } = context.agenda;
			visit.days = visit.days.filter((d) => d !== day);
			if (!visit.days.length) targets.agendas = targets.agendas.filter((v) => v !== visit);
			return;
		} else refusedWrites++;
		if (!ok && unexpected.length < 5) unexpected.push(`${status} ${body.slice(0, 200)}`);
	}
};
/** Half the writes: a draft saved on a sheet no other connection holds, else a write as above. */
const sheetSave = {
	setupRequest: (req, context) => {
		const writer = freeSheets.shift();
		if (!writer) return write.setupRequest(req, context);
		const save = writer.next();
		context.save = { writer, text: save.text };
		return formPost(req, save.path, save.fields, '');
	},
	onResponse: write.onResponse
};

/** Wrong passwords for one account while the load runs: the sixth try must be refused (429). */
async function guessPasswords() {
	const statuses = [];
	for (const password of ['a', 'b', 'c', 'd', 'e', 'f', DEMO_PASSWORD]) {
		const res = await fetch(`${origin}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: ACCOUNTS.keoogoMember, password }),
			redirect: 'manual',
			headers: { origin, accept: 'text/html' }
		});
		statuses.push(res.status);
	}
	return statuses;
}

/** `npm run backup` mid-run, in its own process as an operator would run it. */
async function backupMidRun() {
	await new Promise((r) => setTimeout(r, (duration * 1000) / 2));
	const before = new Set(acknowledged);
	await promisify(execFile)(process.execPath, ['scripts/backup.js', backupFile], {
		env: { ...process.env, DATABASE_PATH: database }
	});
	return before;
}

const [result, throttle, ackBeforeBackup] = await Promise.all([
	autocannon({
		url: origin,
		connections,
		duration,
		// A client gives up after 30 s: on a small shared machine 100 connections queue for seconds.
		timeout: 30,
		requests: [read, read, read, read, write, read, read, read, read, sheetSave]
	}),
	guessPasswords(),
	backupMidRun()
]);
// Requests still in flight when autocannon stopped may land after it: let them finish.
await new Promise((r) => setTimeout(r, 1000));
await stopServer(child);

const db = openDb(database);
const stored = storedTags(db, prefix);
const wrongSheets = sheetWriters.map((w) => w.check(db)).filter(Boolean);
const answerRows = db
	.prepare(
		`SELECT count(*) FROM evaluation_answers
		 WHERE response_id IN (${sheetWriters.map((w) => w.sheet.id).join(',')})`
	)
	.pluck()
	.get();
const sheets = sheetFigures(sheetWriters);
const integrity = db.pragma('integrity_check', { simple: true });
db.close();
const lost = [...acknowledged].filter((t) => !stored.has(t));
// Rows beyond the acknowledged writes may only come from requests cut off by the end of the run.
const unanswered = sent.size - acknowledged.size - refusedWrites - dayFull;
const extra = [...stored].filter((t) => !acknowledged.has(t));

const backup = openDb(backupFile, { readonly: true });
const backupIntegrity = backup.pragma('integrity_check', { simple: true });
const inBackup = storedTags(backup, prefix);
backup.close();
const missingFromBackup = [...ackBeforeBackup].filter((t) => !inBackup.has(t));
const backupExtra = [...inBackup].filter((t) => !stored.has(t));

const serverLog = readFileSync(log, 'utf8');
const busy = (serverLog.match(/SQLITE_BUSY/g) ?? []).length;
const serverErrors = (serverLog.match(/Passerelle error/g) ?? []).length;
const errors = result.errors + result.timeouts + (result.requests.total - result['2xx']);
const throttled = throttle[5] === 429 && throttle[6] === 429;

if (errors) {
	console.log(
		`errors: ${result.errors} connection, ${result.timeouts} timeouts, ${result.non2xx} non-2xx ` +
			`(${Object.entries(result.statusCodeStats ?? {})
				.map(([k, v]) => `${k}: ${v.count}`)
				.join(', ')})`
	);
}
const checks = {
	'every request answered 2xx': errors === 0,
	'no SQLITE_BUSY in the server log': busy === 0,
	'no unexpected server error': serverErrors === 0,
	'every write accepted (but sessions past the 40-a-day cap)': unexpected.length === 0,
	'rows written = writes acknowledged': lost.length === 0 && extra.length <= unanswered,
	'every evaluation sheet holds its last acknowledged save (or one cut off at the end), with its answer rows':
		wrongSheets.length === 0,
	'integrity_check ok': integrity === 'ok',
	'backup restores: integrity ok, holds what was acknowledged before it, nothing foreign':
		backupIntegrity === 'ok' && missingFromBackup.length === 0 && backupExtra.length === 0,
	'sign-in throttled during the load (6th guess and the right password then refused)': throttled
};
console.log(
	`\nLoad: ${duration} s, ${connections} connections, ${users.length} users — ` +
		`${result.requests.total} requests (${Math.round(result.requests.average)}/s, ` +
		`p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms), errors ${errors}, ` +
		`writes acknowledged ${acknowledged.size}, rows written ${stored.size}` +
		`, sessions refused by the 40-a-day cap ${dayFull}` +
		` (cut off at the end: ${extra.length}); evaluation saves acknowledged ${sheets.saves} on ` +
		`${sheets.sheets} sheets, ${answerRows} answer rows, sheets wrong ${wrongSheets.length} ` +
		`(holding a save cut off at the end: ${sheets.heldInFlight}); SQLITE_BUSY ${busy}, ` +
		`backup mid-run: ${inBackup.size} writes, integrity ${backupIntegrity}; ` +
		`sign-in statuses ${throttle.join(' ')}`
);
for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
if (unexpected.length) console.log('Refused writes:', unexpected);
for (const problem of wrongSheets) console.log(problem);
tearDown(
	dir,
	Object.values(checks).some((ok) => !ok)
);
