// Turns one run's figures into the targets of issue 8 (each met or not) and a Markdown table.
import { cpus } from 'node:os';
import { memoryTargets } from './memory.js';

const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);

/**
 * Cold start and writes against the steady state of the same mix of pages, in one run. Steady
 * state and the run with writes are read after the connection ramp (measure.js); the cold start
 * is judged whole, ramp included, and once more after its ramp.
 */
function tailTargets(tail, add) {
	if (!tail?.steady?.afterRamp) return;
	const steady = tail.steady.afterRamp;
	const base = steady.p50;
	const t = ratio(steady.p99, base);
	add('tail: mix of key pages, p99 ÷ p50 at 50 conn. (steady)', t, '≤ 5', t <= 5);
	const runs = [
		['cold', `cold start (first ${tail.cold.seconds} s after ready)`, tail.cold],
		['cold', `cold start after its connection ramp`, { ...tail.cold.afterRamp, errors: 0 }],
		['afterWrites', 'a write each second', { ...tail.afterWrites, ...tail.afterWrites.afterRamp }]
	];
	for (const [, label, run] of runs) {
		const r = ratio(run.p99, base);
		add(`tail: ${label}, p99 ÷ steady p50`, r, '≤ 5', r <= 5);
		add(`tail: ${label}, slowest request (ms)`, run.max, '≤ 1000', run.max <= 1000);
		if (!label.includes('ramp')) {
			const errors = run.errors + (run.failedWrites ?? 0);
			add(`tail: ${label}, errors`, errors, '0', !errors);
		}
	}
}

function targets(results) {
	const list = [];
	const add = (name, value, target, met) => list.push({ name, value, target, met: !!met });
	const [small, large] = results;
	for (const [name, page] of Object.entries(large.pages)) {
		if (!page.many) {
			if (page.status === 200) add(`${name}: one request alone (ms)`, page.firstMs, '≤ 20', false);
			else add(`${name}: answers`, page.status, 200, false);
			continue;
		}
		const write = name.includes('write');
		if (!write && large.ceiling) {
			const r = ratio(page.many.requestsPerSecond, large.ceiling.many.requestsPerSecond);
			add(`${name}: req/s ÷ framework ceiling (50 conn.)`, r, '≥ 0.7', r >= 0.7);
		}
		add(
			`${name}: p50 at 1 connection (ms)`,
			page.one.p50,
			'≤ 5',
			page.one.p50 !== null && page.one.p50 <= 5
		);
		add(
			`${name}: p99 at 1 connection (ms)`,
			page.one.p99,
			'≤ 20',
			page.one.p99 !== null && page.one.p99 <= 20
		);
		const before = small.pages[name]?.one;
		if (before?.serverP50 != null && page.one.serverP50 != null && !write) {
			const g = ratio(page.one.serverP50, Math.max(before.serverP50, 0.01));
			add(`${name}: growth, p50 in process scale 1 ÷ scale 0.1`, g, '≤ 1.3', g <= 1.3);
		}
		if (!write && page.many.steady?.p50) {
			const t = ratio(page.many.steady.p99, page.many.steady.p50);
			add(`${name}: tail, p99 ÷ p50 at 50 conn. (steady)`, t, '≤ 5', t <= 5);
		}
		const errors = page.many.errors + page.one.errors;
		add(`${name}: errors under load`, errors, '0', errors === 0);
	}
	tailTargets(large.tail, add);
	const visit = large.pages.visit?.many;
	if (visit && large.bare) {
		const r = ratio(visit.requestsPerSecond, large.bare.many.requestsPerSecond);
		add('visit: req/s ÷ bare node:http ceiling', r, '≥ 0.1', r >= 0.1);
	}
	for (const page of ['visit', 'agenda']) {
		const kb = Math.round(large.weights[page].js / 102.4) / 10;
		add(`${page}: client JavaScript (KB gzip)`, kb, '≤ 60', kb <= 60);
	}
	const total = Math.round(large.weights.visit.total / 102.4) / 10;
	add('visit: total page weight (KB gzip)', total, '≤ 150', total <= 150);
	add('server peak memory under load (MB)', large.memoryMb, '< 250', large.memoryMb < 250);
	list.push(...memoryTargets(large.exports));
	const seed = Math.round(large.seed.seconds * 10) / 10;
	add(`seed:large at scale ${large.scale} (s)`, seed, '< 120', seed < 120);
	for (const [name, p95] of Object.entries(large.extra.lessonSearch ?? {})) {
		add(`lesson search "${name}": p95 in process (ms)`, p95, '< 10', p95 < 10);
	}
	for (const [name, p95] of Object.entries(large.extra.peerSearch ?? {})) {
		add(`find a peer "${name}": p95 in process (ms)`, p95, '< 20', p95 < 20);
	}
	return list;
}

function tailTable(large) {
	const tail = large?.tail;
	if (!tail?.steady) return [];
	const row = (label, r, after = r.afterRamp ?? {}) =>
		`| ${label} | ${r.seconds} | ${r.requests} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.rampMs ?? '—'} | ${after.p50 ?? '—'} | ${after.p99 ?? '—'} | ${after.max ?? '—'} | ${r.writes ?? '—'} |`;
	return [
		`## Tail latency: a mix of the ${tail.pageCount ?? 'key'} pages at 50 connections, scale ${large.scale} (ms)`,
		'',
		'Whole run, then after its connection ramp (every connection answered once; see measure.js).',
		'',
		'| run | s | requests | p50 | p99 | slowest | errors | ramp | p50 after | p99 after | slowest after | writes |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		row('cold start (from ready)', tail.cold),
		row('steady state', tail.steady),
		row('a write each second', tail.afterWrites),
		''
	];
}

export function report(results, { smoke, duration }) {
	const list = targets(results);
	const cpu = cpus()[0]?.model ?? 'unknown CPU';
	const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
	const json = { date, cpu, cores: cpus().length, smoke, duration, targets: list, results };
	const rows = list.map(
		(t) => `| ${t.name} | ${t.value ?? '—'} | ${t.target} | ${t.met ? 'yes' : '**no**'} |`
	);
	const raw = results.flatMap((r) =>
		[['framework ceiling', r.ceiling], ...Object.entries(r.pages), ['bare node:http', r.bare]].map(
			([name, p]) =>
				p?.many
					? `| ${r.scale} | ${name} | ${p.many.requestsPerSecond} | ${p.many.p50} | ${p.many.p99} | ${p.many.rampMs ?? '—'} | ${p.many.steady?.p50 ?? '—'} | ${p.many.steady?.p99 ?? '—'} | ${p.one.p50} | ${p.one.p99} | ${p.one.serverP50 ?? '—'} |`
					: `| ${r.scale} | ${name} | ${p?.firstMs ? `too slow: ${p.firstMs} ms alone` : `status ${p?.status ?? '—'}`} | | | | | | | | |`
		)
	);
	const markdown = [
		`# Benchmark results${smoke ? ' (smoke run: figures mean nothing)' : ''}`,
		'',
		`${date} UTC · ${cpu} × ${cpus().length} · ${duration} s per case · autocannon`,
		'',
		'## Targets',
		'',
		'| target | measured | goal | met |',
		'| --- | --- | --- | --- |',
		...rows,
		'',
		'## Raw figures (latency in ms)',
		'',
		'At 50 connections: the whole run, the connection ramp, then steady state after it (see measure.js).',
		'',
		'| scale | page | req/s (50 conn.) | p50 | p99 | ramp | steady p50 | steady p99 | p50 (1 conn.) | p99 (1 conn.) | p50 in process (1 conn.) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...raw,
		'',
		...tailTable(results.at(-1))
	].join('\n');
	return { json, markdown };
}
