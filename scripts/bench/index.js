// `npm run bench [-- --smoke] [--duration S] [--fresh]`: builds the app, makes (or reuses) the
// scale-0.1 and scale-1 databases, and measures every key page against two ceilings taken in the
// same run — the app's own minimal signed-in page and a bare node:http server running the same
// SQL. Results: bench/results.json (targets met or not) and bench/RESULTS.md.
// --smoke (CI) proves the harness end to end on a tiny network in seconds; its figures mean nothing.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { BENCH_PASSWORD, seedLarge } from '../seed-large/index.js';
import { load, pageWeight } from './measure.js';
import { peakMemoryMb, signIn, startApp, stopChild, waitFor } from './server.js';
import { report } from './report.js';
import { extraMeasures } from './extra.js';
import { expectedActionRows, measureExports } from './memory.js';

const { values } = parseArgs({
	options: {
		smoke: { type: 'boolean', default: false },
		fresh: { type: 'boolean', default: false },
		duration: { type: 'string' }
	}
});
const smoke = values.smoke;
const duration = Number(values.duration ?? (smoke ? 1 : 8));
const scales = smoke ? [0.01, 0.02] : [0.1, 1];
const PORT = 4610;
const BARE_PORT = 4611;
const STAFF = 'user2@org1.example.org';

execFileSync(process.execPath, ['scripts/build-if-needed.js'], { stdio: 'inherit' });
const work = join(tmpdir(), `passerelle-bench-${process.pid}`);
mkdirSync(work, { recursive: true });

async function database(scale) {
	const path = resolve(`bench/data/large-${scale}.db`);
	const timing = `${path}.json`;
	if (values.fresh || !existsSync(path) || !existsSync(timing)) {
		console.log(`Seeding scale ${scale}…`);
		const { seconds, counts } = await seedLarge(path, scale, () => {});
		writeFileSync(timing, JSON.stringify({ seconds, counts }));
	}
	// Each run writes (the write benchmark): work on a copy so runs stay comparable.
	const copy = join(work, `large-${scale}.db`);
	copyFileSync(path, copy);
	return { path: copy, seed: JSON.parse(readFileSync(timing, 'utf8')) };
}

/** The visits a page benchmark opens: the one with the fullest programme, a deep list page. */
function pickTargets(path) {
	const db = new Database(path, { readonly: true });
	const visit = db
		.prepare(
			`SELECT visit_id FROM agenda_items a JOIN visits v ON v.id = a.visit_id
			 WHERE v.status IN ('accepted', 'confirmed') GROUP BY visit_id ORDER BY count(*) DESC LIMIT 1`
		)
		.pluck()
		.get();
	const completed = db
		.prepare(`SELECT count(*) FROM visits WHERE status = 'completed'`)
		.pluck()
		.get();
	db.close();
	return { visit, deepPage: Math.max(1, Math.floor(completed / 20) - 1) };
}

function routes({ visit, deepPage }) {
	return [
		{ name: 'visits (filtered, page 1)', path: '/visits?status=completed' },
		{ name: 'visits (deep page)', path: `/visits?status=completed&page=${deepPage}` },
		{ name: 'visit', path: `/visits/${visit}` },
		{ name: 'agenda', path: `/visits/${visit}/agenda` },
		{ name: 'agenda.ics', path: `/visits/${visit}/agenda.ics` },
		{ name: 'lessons search', path: '/lessons?q=lecture' },
		{ name: 'overdue actions', path: '/actions?overdue=1' },
		{ name: 'dashboard', path: '/dashboard' }
	];
}

async function measureScale(scale) {
	const { path, seed } = await database(scale);
	const targets = pickTargets(path);
	const app = await startApp(path, PORT);
	const cookie = await signIn(app.origin, STAFF, BENCH_PASSWORD);
	const headers = { cookie, accept: 'text/html' };
	const result = { scale, seed, pages: {}, ceiling: null, bare: null };
	const run = async (url, connections, extra = {}) =>
		load(url, { connections, duration, headers, ...extra });
	for (const route of [{ name: 'ceiling', path: '/bench/ceiling' }, ...routes(targets)]) {
		const url = app.origin + route.path;
		const started = performance.now();
		const status = (await fetch(url, { headers, redirect: 'manual' })).status;
		const firstMs = Math.round(performance.now() - started);
		// A page that takes seconds alone would queue minutes of work under 50 connections and
		// spoil every later case: it is reported as too slow instead of loaded.
		if (status !== 200 || firstMs > 2000) {
			result.pages[route.name] = { path: route.path, status, firstMs };
			continue;
		}
		await run(url, 10, { duration: 1 });
		const many = await run(url, 50);
		const one = await run(url, 1);
		const figures = { path: route.path, status, many, one };
		if (route.name === 'ceiling') result.ceiling = figures;
		else result.pages[route.name] = figures;
	}
	result.pages['add a session (write)'] = await measureWrites(app.origin, path, headers, run);
	result.memoryMb = peakMemoryMb(app.child.pid);
	if (scale === scales.at(-1)) {
		const server = { origin: app.origin, pid: app.child.pid, cookie };
		const expectedRows = await expectedActionRows(path);
		result.exports = await measureExports({ ...server, expectedRows }, { pages: false });
	}
	result.weights = {
		visit: await pageWeight(app.origin, `/visits/${targets.visit}`, cookie),
		agenda: await pageWeight(app.origin, `/visits/${targets.visit}/agenda`, cookie)
	};
	await app.stop();
	result.bare = await bareCeiling(path, targets, cookie, result.weights.visit.rawHtml, run);
	result.extra = await extraMeasures(path, smoke);
	return result;
}

/**
 * Adds sessions as the page's script does (the JSON answer of an enhanced form), spread over
 * the editable visits so that no single programme grows to thousands of sessions.
 */
async function measureWrites(origin, path, headers, run) {
	const db = new Database(path, { readonly: true });
	const visits = db
		.prepare(
			`SELECT id, starts_on AS day FROM visits WHERE status IN ('accepted', 'confirmed')
			 ORDER BY id LIMIT 500`
		)
		.all();
	db.close();
	let next = 0;
	const request = {
		method: 'POST',
		setupRequest: (req) => {
			const visit = visits[next++ % visits.length];
			const body = new URLSearchParams({
				day: visit.day,
				startsAt: '06:00',
				endsAt: '06:30',
				kind: 'meeting',
				title: 'Point du matin',
				parallel: 'on'
			});
			return { ...req, path: `/visits/${visit.id}/agenda?/add`, body: body.toString() };
		}
	};
	const writeHeaders = {
		...headers,
		origin,
		accept: 'application/json',
		'x-sveltekit-action': 'true',
		'content-type': 'application/x-www-form-urlencoded'
	};
	const options = { headers: writeHeaders, requests: [request] };
	const url = `${origin}/visits/${visits[0].id}/agenda?/add`;
	return {
		path: '/visits/{id}/agenda?/add',
		status: 200,
		many: await run(url, 50, options),
		one: await run(url, 1, options)
	};
}

/** Records the SQL of one visit page in the app, then serves it from a bare node:http server. */
async function bareCeiling(path, targets, cookie, bytes, run) {
	const trace = join(work, 'visit.sql');
	const traced = await startApp(path, PORT, { SQL_TRACE_FILE: trace });
	const url = `${traced.origin}/visits/${targets.visit}`;
	await fetch(url, { headers: { cookie } });
	rmSync(trace, { force: true });
	await fetch(url, { headers: { cookie } });
	await traced.stop();
	const child = spawn(
		process.execPath,
		['scripts/bench/bare.js', path, trace, String(bytes), String(BARE_PORT)],
		{ stdio: ['ignore', 'inherit', 'inherit'] }
	);
	await waitFor(`http://127.0.0.1:${BARE_PORT}/health`);
	const page = `http://127.0.0.1:${BARE_PORT}/visits/${targets.visit}`;
	await run(page, 10, { duration: 1 });
	const figures = { many: await run(page, 50), one: await run(page, 1) };
	await stopChild(child);
	return figures;
}

// A crash must not leave a server behind on the benchmark's ports.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const results = [];
for (const scale of scales) {
	console.log(`Scale ${scale}: measuring for ${duration} s per case…`);
	results.push(await measureScale(scale));
}
rmSync(work, { recursive: true, force: true });
const { json, markdown } = report(results, { smoke, duration });
const out = smoke ? join(tmpdir(), 'passerelle-bench-smoke') : 'bench';
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), JSON.stringify(json, null, '\t') + '\n');
// The analysis written by hand under the generated tables survives a new run.
const MARK = '<!-- Written by hand from here on: kept when the benchmark runs again. -->';
const previous = existsSync(join(out, 'RESULTS.md'))
	? readFileSync(join(out, 'RESULTS.md'), 'utf8')
	: '';
const kept = previous.includes(MARK) ? previous.slice(previous.indexOf(MARK)) : '';
writeFileSync(join(out, 'RESULTS.md'), kept ? `${markdown.trimEnd()}\n\n${kept}` : markdown);
console.log(markdown);
console.log(`Written to ${out}/results.json and ${out}/RESULTS.md`);
// The smoke run proves the harness: every page answered and measured, nothing failed under load.
if (smoke) {
	const broken = results.flatMap((r) =>
		Object.entries(r.pages)
			.filter(([, p]) => !p.many || p.many.errors + p.one.errors > 0)
			.map(([name, p]) => `scale ${r.scale}, ${name}: status ${p.status}`)
	);
	if (broken.length) {
		console.error(`Benchmark smoke run failed:\n  ${broken.join('\n  ')}`);
		process.exit(1);
	}
}
