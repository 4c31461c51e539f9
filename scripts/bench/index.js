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
import { pickTargets, routes } from './targets.js';
import { sequential } from './timing.js';
import { afterWrites, coldStart, steady } from './tail.js';
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
		duration: { type: 'string' },
		cold: { type: 'string' }
	}
});
const smoke = values.smoke;
const duration = Number(values.duration ?? (smoke ? 1 : 8));
const scales = smoke ? [0.01, 0.02] : [0.1, 1];
// The cold-start window (the first minute after a deploy), the run with a write each second, and
// the one-user run of each page.
const coldSeconds = Number(values.cold ?? (smoke ? 2 : 60));
const writeSeconds = smoke ? 2 : Math.max(10, 2 * duration);
const oneSeconds = smoke ? 0.2 : Math.min(3, duration);
const oneCount = smoke ? { min: 10, warm: 2 } : {};
// BENCH_PORT: engineers sharing a machine each run on their own two ports.
const PORT = Number(process.env.BENCH_PORT ?? 4610);
const BARE_PORT = PORT + 1;
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

async function measureScale(scale, withTail) {
	const { path, seed } = await database(scale);
	const targets = pickTargets(path);
	const app = await startApp(path, PORT);
	const cookie = await signIn(app.origin, STAFF, BENCH_PASSWORD);
	const memberCookie = await signIn(app.origin, targets.member, BENCH_PASSWORD);
	const pages = routes(targets).map((r) => ({ ...r, cookie: r.member ? memberCookie : cookie }));
	const result = { scale, seed, pages: {}, ceiling: null, bare: null };
	// Before anything else asks the server: the first seconds after it reports ready.
	if (withTail) {
		result.tail = {
			pageCount: pages.length,
			cold: await coldStart(app.origin, pages, coldSeconds)
		};
		// The requests autocannon left behind are still being answered: let them drain.
		await waitFor(`${app.origin}/health`);
	}
	const run = async (url, connections, extra = {}) =>
		load(url, { connections, duration, headers: { accept: 'text/html', cookie }, ...extra });
	const alone = (url, headers) =>
		sequential(() => ({ url, init: { headers } }), { seconds: oneSeconds, ...oneCount });
	for (const route of [{ name: 'ceiling', path: '/bench/ceiling', cookie }, ...pages]) {
		const url = app.origin + route.path;
		const headers = { cookie: route.cookie, accept: 'text/html' };
		const started = performance.now();
		const status = (await fetch(url, { headers, redirect: 'manual' })).status;
		const firstMs = Math.round(performance.now() - started);
		// A page that takes seconds alone would queue minutes of work under 50 connections and
		// spoil every later case: it is reported as too slow instead of loaded.
		if (status !== 200 || (firstMs > 2000 && route.name !== 'ceiling')) {
			result.pages[route.name] = { path: route.path, status, firstMs };
			continue;
		}
		if (!smoke) await run(url, 10, { duration: 1, headers });
		const many = await run(url, 50, { headers });
		const one = await alone(url, headers);
		const figures = { path: route.path, status, many, one };
		if (route.name === 'ceiling') result.ceiling = figures;
		else result.pages[route.name] = figures;
	}
	if (withTail) {
		result.tail.steady = await steady(app.origin, pages, writeSeconds);
		const write = progressWriter(app.origin, targets.action, cookie);
		result.tail.afterWrites = await afterWrites(app.origin, pages, writeSeconds, write);
	}
	result.pages['add a session (write)'] = await measureWrites(app.origin, path, cookie, run);
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

/** Progress noted on an action through its form, as its owner would: moves the data generation. */
function progressWriter(origin, action, cookie) {
	return async (i) => {
		const response = await fetch(`${origin}/actions/${action}?/progress`, {
			method: 'POST',
			body: new URLSearchParams({ note: `Point ${i}` }),
			headers: { cookie, origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		return response.ok && (await response.json()).type === 'success';
	};
}

/**
 * Adds sessions as the page's script does (the JSON answer of an enhanced form), spread over
 * the editable visits so that no single programme grows to thousands of sessions.
 */
async function measureWrites(origin, path, cookie, run) {
	const db = new Database(path, { readonly: true });
	const visits = db
		.prepare(
			`SELECT id, starts_on AS day FROM visits WHERE status IN ('accepted', 'confirmed')
			 ORDER BY id LIMIT 500`
		)
		.all();
	db.close();
	let next = 0;
	const form = (visit) =>
		new URLSearchParams({
			day: visit.day,
			startsAt: '06:00',
			endsAt: '06:30',
			kind: 'meeting',
			title: 'Point du matin',
			parallel: 'on'
		});
	const request = {
		method: 'POST',
		setupRequest: (req) => {
			const visit = visits[next++ % visits.length];
			return { ...req, path: `/visits/${visit.id}/agenda?/add`, body: form(visit).toString() };
		}
	};
	const writeHeaders = {
		cookie,
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
		one: await sequential(
			() => {
				const visit = visits[next++ % visits.length];
				return {
					url: `${origin}/visits/${visit.id}/agenda?/add`,
					init: { method: 'POST', headers: writeHeaders, body: form(visit).toString() }
				};
			},
			{ seconds: oneSeconds, ...oneCount }
		)
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
	// Cold start and writes are measured at the larger scale, where the targets are set.
	results.push(await measureScale(scale, scale === scales.at(-1)));
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
