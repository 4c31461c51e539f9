// Memory and exports (issue 21): the server's resident memory while it serves the key pages under
// 50 connections, then while 50 clients download the largest export at once (/actions.csv, then
// /actions.xlsx: 10 000 rows each at scale 1), every file read back and its rows counted.
// Called by index.js on the largest network; alone (and then it updates the memory and exports
// targets of bench/results.json, leaving the others as they are):
//   node scripts/bench/memory.js [--database bench/data/large-1.db] [--duration S] [--port P]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { load } from './measure.js';
import { signIn, startApp } from './server.js';
import { serverNodeFlags } from '../heap.js';

export const CONCURRENT_EXPORTS = 50;
const EXPORT_MAX_ROWS = 10_000;
const STAFF = 'user2@org1.example.org';

/** Resident memory of `pid` sampled every 50 ms until stopped: the highest seen, in MB. */
function sampleMemory(pid) {
	let peakKb = 0;
	const read = () => {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			peakKb = Math.max(peakKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
		} catch {
			// the process is gone
		}
	};
	read();
	const timer = setInterval(read, 50);
	return () => {
		clearInterval(timer);
		read();
		return Math.round(peakKb / 102.4) / 10;
	};
}

/** `count` simultaneous downloads of `path`; each file's data rows counted once all are in. */
async function downloads(origin, path, cookie, count, rowsOf) {
	const started = performance.now();
	// node:http rather than fetch: no client timeout (fetch gives up on a body after 300 s, and a
	// loaded 2-core machine can take longer than that to serve 50 files at once).
	const files = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise((resolve) => {
					// A connection of its own each: a kept-alive socket the server has just closed
					// (after its 5 s keep-alive) would fail a download that never reached it.
					const request = get(origin + path, { headers: { cookie }, agent: false }, (response) => {
						const chunks = [];
						response.on('data', (chunk) => chunks.push(chunk));
						response.on('end', () =>
							resolve({ status: response.statusCode, bytes: Buffer.concat(chunks) })
						);
						response.on('error', (error) => resolve({ status: 0, error: String(error) }));
					});
					request.on('error', (error) => resolve({ status: 0, error: String(error) }));
				})
		)
	);
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	const rows = [];
	for (const file of files) rows.push(file.status === 200 ? await rowsOf(file.bytes) : -1);
	const digests = new Set(
		files.filter((f) => f.bytes).map((f) => createHash('sha256').update(f.bytes).digest('hex'))
	);
	return {
		path,
		count,
		seconds,
		// Complete: every row there (the most any file holds, which index.js checks against the
		// database), not only as many as the first file.
		complete: rows.filter((n) => n === Math.max(...rows) && n > 0).length,
		rows: Math.max(...rows),
		failed: files.filter((f) => f.status !== 200).map((f) => f.error ?? f.status),
		// The same list 50 times: every copy should be the same file, byte for byte (CSV).
		distinctFiles: digests.size,
		megabytes: Math.round(files.reduce((n, f) => n + (f.bytes?.length ?? 0), 0) / 1e5) / 10
	};
}

const csvRows = (bytes) => parse(bytes, { bom: true, relax_column_count: false }).length - 1;
async function xlsxRows(bytes) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes);
	return workbook.worksheets[0].rowCount - 1;
}

/** The pages a memory run loads, as a signed-in staff member browses them. */
const PAGES = [
	'/visits?status=completed',
	'/actions?overdue=1',
	'/lessons?q=lecture',
	'/dashboard',
	'/actions'
];

/**
 * Peak memory under page load, then with 50 concurrent CSV and 50 concurrent .xlsx exports of
 * every action (staff), on a running server. `expectedRows`: what each export should hold.
 */
export async function measureExports(
	{ origin, pid, cookie, expectedRows },
	{ duration = 5, pages = true } = {}
) {
	const result = { heapFlags: serverNodeFlags(), expectedRows };
	if (pages) {
		const stop = sampleMemory(pid);
		for (const path of PAGES) {
			await load(origin + path, { connections: 50, duration, headers: { cookie } });
		}
		result.pagesPeakMb = stop();
		console.log(`memory: key pages at 50 connections, peak ${result.pagesPeakMb} MB`);
	}
	for (const [format, rowsOf] of [
		['csv', csvRows],
		['xlsx', xlsxRows]
	]) {
		const stop = sampleMemory(pid);
		const run = await downloads(origin, `/actions.${format}`, cookie, CONCURRENT_EXPORTS, rowsOf);
		result[format] = { ...run, peakMb: stop() };
		console.log(
			`memory: ${run.count} × /actions.${format} in ${run.seconds} s, ${run.complete} complete ` +
				`(${run.rows} rows each), peak ${result[format].peakMb} MB`
		);
	}
	result.alive = existsSync(`/proc/${pid}`);
	return result;
}

/** The memory and exports targets of bench/results.json. */
export function memoryTargets(exports) {
	if (!exports) return [];
	const list = [];
	const add = (name, value, target, met) => list.push({ name, value, target, met: !!met });
	const n = CONCURRENT_EXPORTS;
	if (exports.pagesPeakMb !== undefined) {
		const mb = exports.pagesPeakMb;
		add('server peak memory, key pages at 50 connections, heap capped (MB)', mb, '< 250', mb < 250);
	}
	for (const format of ['csv', 'xlsx']) {
		const run = exports[format];
		const ok = run.complete === n && run.rows === exports.expectedRows && !run.failed.length;
		add(
			`exports: ${n} concurrent /actions.${format} complete with every row`,
			run.complete,
			`${n}`,
			ok
		);
		add(
			`server peak memory, ${n} concurrent /actions.${format} exports (MB)`,
			run.peakMb,
			'< 250',
			run.peakMb < 250 && ok && exports.alive
		);
	}
	return list;
}

/** Rows the staff export of every action holds on `database`. */
export async function expectedActionRows(database) {
	const { default: Database } = await import('better-sqlite3');
	const db = new Database(database, { readonly: true });
	const n = db.prepare('SELECT count(*) FROM actions').pluck().get();
	db.close();
	return Math.min(n, EXPORT_MAX_ROWS);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { values } = parseArgs({
		options: {
			database: { type: 'string', default: 'bench/data/large-1.db' },
			duration: { type: 'string', default: '5' },
			port: { type: 'string', default: '4612' }
		}
	});
	const { execFileSync } = await import('node:child_process');
	execFileSync(process.execPath, ['scripts/build-if-needed.js'], { stdio: 'inherit' });
	if (!existsSync(values.database)) {
		console.error(`No database at ${values.database}: npm run seed:large -- --scale 1 --out it`);
		process.exit(1);
	}
	const { BENCH_PASSWORD } = await import('../seed-large/index.js');
	// The run writes nothing: the database is used as it is.
	const app = await startApp(values.database, Number(values.port));
	let exports;
	try {
		const cookie = await signIn(app.origin, STAFF, BENCH_PASSWORD);
		const expectedRows = await expectedActionRows(values.database);
		exports = await measureExports(
			{ origin: app.origin, pid: app.child.pid, cookie, expectedRows },
			{ duration: Number(values.duration) }
		);
	} finally {
		await app.stop();
	}
	console.log(JSON.stringify(exports, null, 2));
	const targets = memoryTargets(exports);
	for (const t of targets)
		console.log(`${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.value} (${t.target})`);
	const file = 'bench/results.json';
	if (existsSync(file)) {
		const json = JSON.parse(readFileSync(file, 'utf8'));
		const mine = (t) => /memory|exports/.test(t.name);
		json.targets = [...json.targets.filter((t) => !mine(t)), ...targets];
		json.memory = { date: new Date().toISOString().slice(0, 16).replace('T', ' '), ...exports };
		writeFileSync(file, JSON.stringify(json, null, '\t') + '\n');
		console.log(`Memory and exports targets written to ${file}`);
	}
}
