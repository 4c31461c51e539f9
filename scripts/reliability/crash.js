// `npm run test:crash -- --cycles N [--port P] [--workers W] [--sheets S]`: the production server
// takes concurrent writes over HTTP (agenda sessions, action progress notes, and S of the W
// writers saving evaluation answers, each on its own sheet) and is killed with SIGKILL at a random
// moment, N times. After each kill the database must hold every write the server acknowledged,
// every sheet its last acknowledged save (or the one in flight at the kill: sheets.js), and pass
// integrity_check.
import {
	ACCOUNTS,
	killHard,
	openDb,
	postAction,
	setUp,
	signInWriters,
	stopServer,
	storedTags,
	tearDown,
	writeRequest
} from './lib.js';
import { SheetWriter, openSheets, sheetFigures } from './sheets.js';

const { options, dir, database, prefix, start, ...first } = await setUp('crash');
let server = first.server;
const cycles = Number(options.cycles ?? 20);
const workers = Number(options.workers ?? 6);
const sheetWriters = Number(options.sheets ?? 2);

const [staff, ...others] = await signInWriters(server.origin, database, [
	ACCOUNTS.staff,
	ACCOUNTS.keoogoCoordinator,
	ACCOUNTS.keoogoMember
]);
const users = [staff, ...others].filter(
	(u) => u.targets.agendas.length || u.targets.actions.length
);
for (const u of users) {
	console.log(
		`${u.email}: writes to ${u.targets.agendas.length} agendas, ${u.targets.actions.length} actions`
	);
}
if (!users.length) throw new Error('No demo user can write anything: the demo network changed?');
const sheets = await openSheets(server.origin, database, staff.cookie);
const writers = sheets.slice(0, sheetWriters).map((s) => new SheetWriter(s, prefix));
console.log(`${writers.length} of ${sheets.length} evaluation sheets saved by their own writer`);

const acknowledged = [];
let inDoubt = 0;
let refused = 0;
let failed = false;
let lostTotal = 0;
let wrongTotal = 0;

/** Writes until the server dies; only answers of type 'success' count as acknowledged. */
async function worker(cycle, w) {
	for (let n = 0; ; n++) {
		const user = users[(w + n) % users.length];
		const tag = `${prefix}c${cycle}w${w}n${n}`;
		const write = writeRequest(user.targets, tag);
		try {
			const res = await postAction(server.origin, write.path, user.cookie, write.fields);
			if (res.status === 200 && res.type === 'success') acknowledged.push(tag);
			else refused++;
		} catch {
			// The connection died with the server: the write may or may not have been committed.
			inDoubt++;
			return;
		}
	}
}

/** Saves drafts on its own sheet one after the other until the server dies. */
async function sheetWorker(writer) {
	for (;;) {
		const save = writer.next();
		try {
			const res = await postAction(server.origin, save.path, '', save.fields);
			const ok = res.status === 200 && res.type === 'success';
			writer.answered(save.text, ok);
			if (!ok) refused++;
		} catch {
			inDoubt++;
			return;
		}
	}
}

for (let cycle = 1; cycle <= cycles; cycle++) {
	const before = acknowledged.length;
	const running = [
		...writers.map(sheetWorker),
		...Array.from({ length: Math.max(workers - writers.length, 1) }, (_, w) => worker(cycle, w))
	];
	// The kill comes at a random moment once writes flow (a slow start would leave nothing to lose).
	for (let waited = 0; acknowledged.length === before && waited < 30_000; waited += 50) {
		await new Promise((r) => setTimeout(r, 50));
	}
	await new Promise((r) => setTimeout(r, Math.random() * 2000));
	await killHard(server.child);
	await Promise.all(running);

	const db = openDb(database);
	const integrity = db.pragma('integrity_check', { simple: true });
	const stored = storedTags(db, prefix);
	const wrongSheets = writers.map((w) => w.check(db)).filter(Boolean);
	for (const w of writers) w.settle(db);
	db.close();
	const lost = acknowledged.filter((t) => !stored.has(t));
	const figures = sheetFigures(writers);
	console.log(
		`cycle ${cycle}/${cycles}: ${acknowledged.length} acknowledged so far, ` +
			`${figures.saves} evaluation saves, integrity ${integrity}, lost ${lost.length}, ` +
			`sheets wrong ${wrongSheets.length}`
	);
	if (integrity !== 'ok' || lost.length || wrongSheets.length) {
		failed = true;
		lostTotal = lost.length;
		wrongTotal = wrongSheets.length;
		console.error(`Lost writes: ${lost.slice(0, 10).join(', ')}`);
		for (const problem of wrongSheets) console.error(problem);
		break;
	}
	server = await start();
}
await stopServer(server.child);

const figures = sheetFigures(writers);
console.log(
	`\nCrash safety: ${failed ? 'FAILED' : 'ok'} — cycles ${cycles}, writes acknowledged ${acknowledged.length}, ` +
		`lost ${lostTotal}, in doubt at the kill ${inDoubt}, refused ${refused}; ` +
		`evaluation saves acknowledged ${figures.saves} on ${figures.sheets} sheets, ` +
		`sheets wrong ${wrongTotal} (a sheet held the save in flight at the kill ` +
		`${figures.heldInFlight} times)`
);
tearDown(dir, failed);
