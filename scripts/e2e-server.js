// A server Playwright tests run against: the production build on a throwaway database, with
// the demo network (default) or empty (E2E_DEMO=0, for the first-admin flow). Its output is
// also written to test-results/server-PORT.log, where tests read the links it prints.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.env.E2E_PORT || '4173';
const dir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
mkdirSync('test-results', { recursive: true });
const log = createWriteStream(`test-results/server-${port}.log`);
// Tests that run a job by hand (`npm run reminders`) on the server's database read its path here.
const database = join(dir, 'e2e.db');
writeFileSync(`test-results/e2e-db-${port}.txt`, database);
const child = spawn(process.execPath, ['scripts/start.js'], {
	stdio: ['ignore', 'pipe', 'pipe'],
	env: {
		...process.env,
		DATABASE_PATH: database,
		DEMO_DATA: process.env.E2E_DEMO === '0' ? '' : '1',
		HOST: '127.0.0.1',
		PORT: port,
		ORIGIN: `http://127.0.0.1:${port}`
	}
});
for (const stream of [child.stdout, child.stderr]) {
	stream.on('data', (chunk) => {
		process.stdout.write(chunk);
		log.write(chunk);
	});
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => {
	rmSync(dir, { recursive: true, force: true });
	rmSync(`test-results/e2e-db-${port}.txt`, { force: true });
	process.exit(code ?? 0);
});
