// Measurements made inside a process rather than over HTTP: the knowledge base's search, through
// the app's own `listLessons` (loaded from the sources by Vite, as `npm run jobs` does), as a
// member of a busy organisation would run it.
import { createServer } from 'vite';
import { performance } from 'node:perf_hooks';

/** Three named searches: a word few lessons hold, a two-word phrase, a word most hold. */
const QUERIES = {
	'rare word': 'inscription',
	'two-word phrase': 'école maternelle',
	'common word': 'enfants'
};

export async function extraMeasures(database, smoke) {
	const vite = await createServer({
		appType: 'custom',
		logLevel: 'error',
		server: { middlewareMode: true, hmr: false, watch: null, ws: false },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	try {
		const { openDatabase } = await vite.ssrLoadModule('/src/lib/server/db');
		const { listLessons } = await vite.ssrLoadModule('/src/lib/server/lessons/record');
		const db = openDatabase(database);
		const runs = smoke ? 20 : 200;
		const lessonSearch = {};
		for (const [name, q] of Object.entries(QUERIES)) {
			const times = [];
			const budget = performance.now() + 10_000;
			// At most ten seconds per query: a slow search is reported, not waited out.
			for (let i = 0; i < runs + 5 && (i < 10 || performance.now() < budget); i++) {
				const started = performance.now();
				listLessons(db, { q, viewer: [1, 2, 3] });
				if (i >= 5) times.push(performance.now() - started);
			}
			times.sort((a, b) => a - b);
			lessonSearch[name] = Math.round(times[Math.floor(times.length * 0.95)] * 100) / 100;
		}
		db.$client.close();
		return { lessonSearch };
	} finally {
		await vite.close();
	}
}
