// `npm run jobs`: runs every background job once (`npm run jobs -- NAME…`: only those; `npm run
// reminders` is `jobs action-reminders`) on the database at DATABASE_PATH (migrations
// applied first) and prints what each did; for cron, or to catch up after a long stop. The server
// runs the same jobs by itself every 15 minutes; both may run, no work is ever done twice.
//
// The jobs are TypeScript modules that use the app's aliases ($lib…), which the production build
// bundles under hashed names; Vite (already needed to build) loads them from the sources instead.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'vite';

// The compiled messages (generated, not committed) are needed by the e-mails jobs write; compiling
// takes a while, so only when they are missing or older than messages/.
const compiled = 'src/lib/paraglide/messages.js';
const sources = readdirSync('messages').map((f) => statSync(`messages/${f}`).mtimeMs);
if (!existsSync(compiled) || statSync(compiled).mtimeMs < Math.max(...sources)) {
	execSync('npm run i18n', { stdio: 'inherit' });
}

const vite = await createServer({
	appType: 'custom',
	logLevel: 'error',
	server: { middlewareMode: true, hmr: false, watch: null, ws: false },
	optimizeDeps: { noDiscovery: true, include: [] }
});

let failed = false;
try {
	const { DEFAULT_DATABASE_PATH, openDatabase } = await vite.ssrLoadModule('/src/lib/server/db');
	const { appOrigin, runAllJobs } = await vite.ssrLoadModule('/src/lib/server/jobs/runner');
	const path = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
	const db = openDatabase(path);
	console.log(`Passerelle jobs on ${path}`);
	const { JOBS } = await vite.ssrLoadModule('/src/lib/server/jobs/runner');
	const names = process.argv.slice(2);
	const jobs = names.length ? JOBS.filter((j) => names.includes(j.name)) : JOBS;
	if (jobs.length < names.length) throw new Error(`Unknown job in: ${names.join(', ')}`);
	for (const run of await runAllJobs(db, new Date(), { origin: appOrigin() }, jobs)) {
		if (run.error) {
			failed = true;
			console.log(`${run.job}: failed: ${run.error}`);
		} else {
			console.log(`${run.job}: ${run.done.length ? run.done.length + ' done' : 'nothing to do'}`);
			for (const line of run.done) console.log(`  ${line}`);
		}
	}
	db.$client.close();
} finally {
	await vite.close();
}
process.exit(failed ? 1 : 0);
