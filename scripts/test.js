// `npm test`: unit tests, then the browser tests against a fresh production build.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium.js';

const run = (command) => execSync(command, { stdio: 'inherit' });

run('npm run i18n');
run('npx svelte-kit sync');
run('npx vitest run');

const chromium = findChromium();
if (!chromium.found) {
	console.error(`
No Chromium found for the browser tests.
  Debian/Ubuntu:  sudo apt-get install -y chromium      (then npm test again)
  Elsewhere:      npx playwright install chromium
  Or point to one: CHROMIUM_PATH=/path/to/chromium npm test
`);
	process.exit(1);
}

run('npx vite build');
run('npx playwright test');
// Short runs of the reliability harnesses (full runs and their figures: tests/RELIABILITY.md).
run('node scripts/reliability/crash.js --cycles 3');
// 20 connections: on a busy CI machine 100 would measure its queue, not the app.
run('node scripts/reliability/load.js --duration 10 --connections 20');
run('node scripts/reliability/fuzz.js --runs 100');
// Lose the database under writes and restore it from the Litestream replica (about 30 s).
run('node scripts/reliability/restore.js --seconds 10');
// The benchmark harness end to end on a tiny network (figures mean nothing; see npm run bench).
run('node scripts/bench/index.js --smoke');
