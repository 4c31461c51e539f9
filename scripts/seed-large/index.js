// `npm run seed:large -- --scale S [--out file]`: a synthetic network for benchmarks. At scale 1
// it is 100× the largest real network (2 000 organisations, 10 000 people, 50 000 visits over
// twenty years, 600 000 programme sessions…), deterministic, written in well under two minutes.
// Everyone's password is `passerelle-bench`, hashed once.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { hash } from '@node-rs/argon2';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rng } from './random.js';
import { seedOrganisations, seedUsers, seedVisits } from './core.js';
import { seedFollowUp } from './follow-up.js';
import { seedEvaluations } from './evaluations.js';
import { seedProfiles } from './profiles.js';

export const BENCH_PASSWORD = 'passerelle-bench';

/** Row counts at scale 1; every figure scales linearly. */
const BASE = { organisations: 2000, users: 10000, visits: 50000, agendaPerVisit: 12 };

export async function seedLarge(path, scale, log = console.log) {
	const started = performance.now();
	rmSync(path, { force: true });
	for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
	mkdirSync(dirname(path), { recursive: true });
	const client = new Database(path);
	migrate(drizzle(client), { migrationsFolder: resolve('drizzle') });
	// A throwaway file being written once: durability is not wanted until the end.
	client.pragma('journal_mode = OFF');
	client.pragma('synchronous = OFF');
	client.pragma('cache_size = -200000');
	// The cache-invalidation triggers (migration 0011) would add one write per row: off while
	// loading, put back before the end.
	const generationTriggers = client
		.prepare(
			`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_generation_*'`
		)
		.all();
	for (const t of generationTriggers) client.exec(`DROP TRIGGER "${t.name}"`);
	const random = rng(20240505);
	const organisations = Math.max(10, Math.round(BASE.organisations * scale));
	const users = Math.max(organisations, Math.round(BASE.users * scale));
	const visits = Math.max(20, Math.round(BASE.visits * scale));
	const passwordHash = await hash(BENCH_PASSWORD);
	const counts = {};
	const step = (name, work) => {
		const t = performance.now();
		const result = client.transaction(work)();
		log(`  ${name}: ${Math.round(performance.now() - t)} ms`);
		return result;
	};
	const { themes } = step('organisations', () => seedOrganisations(client, random, organisations));
	step('people', () => seedUsers(client, random, users, organisations, passwordHash));
	const { parties, sessions } = step('visits and programmes', () =>
		seedVisits(client, random, {
			visits,
			organisations,
			themes,
			agendaPerVisit: BASE.agendaPerVisit
		})
	);
	Object.assign(counts, { organisations, users, visits, agendaItems: sessions });
	const context = { client, random, scale, parties, organisations, users, themes, counts, step };
	for (const extra of EXTRAS) await extra(context);
	for (const t of generationTriggers) client.exec(t.sql);
	step('statistics', () => client.exec('ANALYZE'));
	client.pragma('journal_mode = WAL');
	client.close();
	const seconds = (performance.now() - started) / 1000;
	return { path, scale, seconds, counts };
}

/** Further domains (lessons, actions, evaluations) register here as they land. */
export const EXTRAS = [seedFollowUp, seedEvaluations, seedProfiles];

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: { scale: { type: 'string', default: '1' }, out: { type: 'string' } }
	});
	const scale = Number(values.scale);
	if (!(scale > 0 && scale <= 10)) {
		console.error('--scale must be a number in (0, 10]');
		process.exit(2);
	}
	const path = resolve(values.out ?? `bench/data/large-${scale}.db`);
	console.log(`Writing a scale-${scale} network to ${path}`);
	const result = await seedLarge(path, scale);
	console.log(JSON.stringify(result.counts));
	console.log(`Done in ${result.seconds.toFixed(1)} s`);
}
