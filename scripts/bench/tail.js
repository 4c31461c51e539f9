// Tail latency of a mix of the key pages under 50 connections, in the three situations where a
// server makes people wait: just after it starts (every deploy), in steady state, and while the
// data changes (a write each second moves the data generation, so every summary kept per
// generation is rebuilt). The slowest request is kept, not only the 99th percentile.
import autocannon from 'autocannon';
import { rampAndSteady } from './measure.js';

async function mix(origin, pages, { connections = 50, seconds, onTick, afterRamp = false }) {
	const timer = onTick ? setInterval(onTick, 1000) : null;
	try {
		const instance = autocannon({
			url: origin,
			connections,
			// Steady runs last `seconds` after their connection ramp; the cold start, from ready.
			duration: afterRamp ? seconds + 60 : seconds,
			requests: pages.map((p) => ({
				method: 'GET',
				path: p.path,
				headers: { cookie: p.cookie, accept: 'text/html' }
			}))
		});
		const split = rampAndSteady(instance, connections, {
			steadySeconds: afterRamp ? seconds : undefined
		});
		const result = await instance;
		const { rampMs, steady } = split();
		return {
			seconds,
			requests: result.requests.total,
			requestsPerSecond: Math.round(result.requests.average),
			p50: result.latency.p50,
			p99: result.latency.p99,
			max: result.latency.max,
			errors: result.errors + result.timeouts + result.non2xx,
			// The same run once every connection had its first answer (see measure.js).
			rampMs,
			afterRamp: steady
		};
	} finally {
		if (timer) clearInterval(timer);
	}
}

/** The first `coldSeconds` after the server answered /health, before anything else asks it. */
export const coldStart = (origin, pages, coldSeconds) =>
	mix(origin, pages, { seconds: coldSeconds });

export const steady = (origin, pages, seconds) => mix(origin, pages, { seconds, afterRamp: true });

/**
 * The same mix while someone records progress on an action every second (through the form, as a
 * coordinator would): each write moves the data generation.
 */
export async function afterWrites(origin, pages, seconds, write) {
	let writes = 0;
	let failed = 0;
	const figures = await mix(origin, pages, {
		seconds,
		afterRamp: true,
		onTick: () =>
			write(writes++)
				.then((ok) => ok || failed++)
				.catch(() => failed++)
	});
	return { ...figures, writes, failedWrites: failed };
}
