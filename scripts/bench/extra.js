// Measurements made inside a process rather than over HTTP: the knowledge base's search, through
// the app's own `listLessons` (loaded from the sources by Vite, as `npm run jobs` does), as a
// member of a busy organisation would run it; and finding a peer (`findPeers`: practices, hosted
// lessons, themes in four languages, visits and actions), as a coordinator would.
import { createServer } from 'vite';
import { performance } from 'node:perf_hooks';

/** Three named searches: a word few lessons hold, a two-word phrase, a word most hold. */
/** Finding a peer: a practice and theme phrase, a word most lessons hold, a theme in English. */
const PEER_QUERIES = {
	'peer: two-word phrase': 'bibliothèque mobile',
	'peer: common word': 'enfants',
	'peer: theme in English': 'school canteens'
};

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
		const { findPeers } = await vite.ssrLoadModule('/src/lib/server/organisations/peers');
		const db = openDatabase(database);
		const runs = smoke ? 20 : 200;
		const p95 = (run) => {
			const times = [];
			const budget = performance.now() + 10_000;
			// At most ten seconds per query: a slow search is reported, not waited out.
			for (let i = 0; i < runs + 5 && (i < 10 || performance.now() < budget); i++) {
				const started = performance.now();
				run();
				if (i >= 5) times.push(performance.now() - started);
			}
			times.sort((a, b) => a - b);
			return Math.round(times[Math.floor(times.length * 0.95)] * 100) / 100;
		};
		const lessonSearch = {};
		for (const [name, q] of Object.entries(QUERIES))
			lessonSearch[name] = p95(() => listLessons(db, { q, viewer: [1, 2, 3] }));
		const peerSearch = {};
		for (const [name, q] of Object.entries(PEER_QUERIES))
			peerSearch[name] = p95(() => findPeers(db, q, { viewer: [1, 2, 3], excludeIds: [1] }));
		db.$client.close();
		return { lessonSearch, peerSearch };
	} finally {
		await vite.close();
	}
}
