// Load and weight measurements: autocannon for throughput and latency, and the bytes a browser
// downloads for a page (HTML, its scripts and styles, gzip-compressed as a server would send).
import autocannon from 'autocannon';
import { gzipSync } from 'node:zlib';

/**
 * Latencies of one autocannon run, split at the end of its connection ramp: the moment every
 * connection has had its first answer. Node accepts one new connection per turn of its event loop
 * (strace: one accept4 per turn, never drained to EAGAIN), and on a busy server each turn serves
 * every connection already in: 50 connections opened at once are let in over seconds, on a bare
 * node:http server as on the app. Steady state is what follows; the ramp is reported apart.
 */
export function rampAndSteady(instance, connections, { steadySeconds } = {}) {
	const firstAnswer = new Map();
	const started = performance.now();
	let rampEnd = Infinity;
	const steady = [];
	let steadyErrors = 0;
	let slowest = 0;
	instance.on('response', (client, status, bytes, ms) => {
		const now = performance.now();
		slowest = Math.max(slowest, ms);
		if (!firstAnswer.has(client)) {
			firstAnswer.set(client, now);
			if (firstAnswer.size === connections) {
				rampEnd = now;
				// A steady window of its own length, however long the ramp took.
				if (steadySeconds) setTimeout(() => instance.stop(), steadySeconds * 1000);
			}
		} else if (now - ms >= rampEnd) {
			steady.push(ms);
			if (status >= 400) steadyErrors++;
		}
	});
	return () => {
		steady.sort((a, b) => a - b);
		const at = (q) =>
			steady.length ? Math.round(steady[Math.floor(q * (steady.length - 1))] * 100) / 100 : null;
		return {
			rampMs: Number.isFinite(rampEnd) ? Math.round(rampEnd - started) : null,
			slowestMs: Math.round(slowest),
			steady: {
				requests: steady.length,
				p50: at(0.5),
				p99: at(0.99),
				max: at(1),
				errors: steadyErrors
			}
		};
	};
}

/** Requests/s and latency percentiles of one URL under `connections` concurrent clients. */
export async function load(
	url,
	{ connections, duration, headers = {}, method = 'GET', body, requests }
) {
	// Runs until `duration` seconds after the ramp (a minute at most for the ramp itself).
	const instance = autocannon({
		url,
		connections,
		duration: duration + 60,
		method,
		body,
		headers,
		requests
	});
	const split = rampAndSteady(instance, connections, { steadySeconds: duration });
	const result = await instance;
	const ok = result['2xx'] + result['3xx'];
	// No answer within the run (a backlog from the previous case): no latency to report.
	const answered = result.requests.total > 0;
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: answered ? result.latency.p50 : null,
		p99: answered ? result.latency.p99 : null,
		requests: result.requests.total,
		errors: result.errors + result.timeouts + result.non2xx - result['3xx'],
		ok,
		...split()
	};
}

/** What loading a page costs in bytes: HTML plus every script and stylesheet it names. */
export async function pageWeight(origin, path, cookie) {
	const headers = { cookie };
	const html = await (await fetch(origin + path, { headers })).text();
	const assets = new Set();
	// SvelteKit writes asset paths relative to the page ("../_app/…"); resolve them as a browser.
	const base = origin + path;
	for (const m of html.matchAll(/(?:href|src)="([^"]*_app\/[^"]+\.(?:js|css))"/g)) {
		assets.add(new URL(m[1], base).pathname);
	}
	for (const m of html.matchAll(/import\("([^"]*_app\/[^"]+\.js)"\)/g)) {
		assets.add(new URL(m[1], base).pathname);
	}
	let js = 0;
	let css = 0;
	const seen = new Set();
	const queue = [...assets];
	while (queue.length) {
		const asset = queue.shift();
		if (seen.has(asset)) continue;
		seen.add(asset);
		const text = await (await fetch(origin + asset)).text();
		const size = gzipSync(text).length;
		if (asset.endsWith('.css')) css += size;
		else {
			js += size;
			// Static imports between chunks load too (the start script pulls the app and its nodes).
			for (const m of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
				queue.push(new URL(m[1], origin + asset).pathname);
			}
		}
	}
	const htmlSize = gzipSync(html).length;
	return { html: htmlSize, js, css, total: htmlSize + js + css, rawHtml: html.length };
}
