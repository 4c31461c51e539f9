// Load and weight measurements: autocannon for throughput and latency, and the bytes a browser
// downloads for a page (HTML, its scripts and styles, gzip-compressed as a server would send).
import autocannon from 'autocannon';
import { gzipSync } from 'node:zlib';

/** Requests/s and latency percentiles of one URL under `connections` concurrent clients. */
export async function load(
	url,
	{ connections, duration, headers = {}, method = 'GET', body, requests }
) {
	const result = await autocannon({
		url,
		connections,
		duration,
		method,
		body,
		headers,
		requests
	});
	const ok = result['2xx'] + result['3xx'];
	// No answer within the run (a backlog from the previous case): no latency to report.
	const answered = result.requests.total > 0;
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: answered ? result.latency.p50 : null,
		p99: answered ? result.latency.p99 : null,
		requests: result.requests.total,
		errors: result.errors + result.timeouts + result.non2xx - result['3xx'],
		ok
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
