// Quick look at list pages without the full benchmark: bytes (HTML and the page data a client
// navigation fetches) and server time at one connection, on an existing benchmark database.
// node scripts/bench/pages.js bench/data/large-1.db 4690 /visits?status=completed …
import { signIn, startApp } from './server.js';
import { BENCH_PASSWORD } from '../seed-large/index.js';

const [database, port, ...paths] = process.argv.slice(2);
const app = await startApp(database, Number(port));
try {
	const cookie = await signIn(app.origin, 'user2@org1.example.org', BENCH_PASSWORD);
	for (const path of paths) {
		const get = async (p) => {
			const started = performance.now();
			const body = await (await fetch(app.origin + p, { headers: { cookie } })).text();
			return { ms: performance.now() - started, bytes: Buffer.byteLength(body), body };
		};
		const url = new URL(path, app.origin);
		const dataPath = `${url.pathname.replace(/\/$/, '')}/__data.json${url.search}`;
		for (let i = 0; i < 5; i++) await get(path);
		const times = [];
		for (let i = 0; i < 30; i++) times.push((await get(path)).ms);
		times.sort((a, b) => a - b);
		const html = await get(path);
		const data = await get(dataPath);
		console.log(
			JSON.stringify({
				path,
				htmlKB: +(html.bytes / 1024).toFixed(1),
				dataKB: +(data.bytes / 1024).toFixed(1),
				p50ms: +times[15].toFixed(1),
				p90ms: +times[27].toFixed(1)
			})
		);
	}
} finally {
	await app.stop();
}
