// One user's latency, request after request: the client's time and the server's own, read from
// the `Server-Timing: app;dur=…` header the hooks set (0.01 ms), so that growth between scales and
// one-user latency are not read in whole milliseconds as autocannon reports them.

const percentile = (sorted, p) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null;
const round = (n) => (n === null ? null : Math.round(n * 100) / 100);

/** Server time of one response in ms, or null when the header is missing. */
export function serverMs(headers) {
	const match = /app;dur=([\d.]+)/.exec(headers.get('server-timing') ?? '');
	return match ? Number(match[1]) : null;
}

/**
 * `request(i)` → { url, init } run one after another for `seconds` (at least `min` requests, the
 * first `warm` not counted). Percentiles of the client's and the server's time, in ms.
 */
export async function sequential(request, { seconds, min = 20, max = 5000, warm = 5 }) {
	const client = [];
	const server = [];
	let errors = 0;
	const until = performance.now() + seconds * 1000;
	// `min` requests if they fit in three times the time given (a loaded machine), then stop.
	const limit = performance.now() + seconds * 3000;
	const more = (i) =>
		i < max && (performance.now() < until || (i < min + warm && performance.now() < limit));
	for (let i = 0; more(i); i++) {
		const { url, init } = request(i);
		const started = performance.now();
		try {
			const response = await fetch(url, { redirect: 'manual', ...init });
			await response.arrayBuffer();
			const ms = performance.now() - started;
			if (response.status >= 400) errors++;
			if (i < warm) continue;
			client.push(ms);
			const own = serverMs(response.headers);
			if (own !== null) server.push(own);
		} catch {
			errors++;
		}
	}
	client.sort((a, b) => a - b);
	server.sort((a, b) => a - b);
	return {
		p50: round(percentile(client, 0.5)),
		p99: round(percentile(client, 0.99)),
		serverP50: round(percentile(server, 0.5)),
		serverP99: round(percentile(server, 0.99)),
		requests: client.length,
		errors
	};
}
