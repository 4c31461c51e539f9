// `npm run lighthouse -- /network /peers?q=bibliothèque` — Lighthouse (mobile, its default) on
// pages of the production build, signed in as the demo's staff account, on a throwaway demo
// database. Prints the performance and accessibility scores of each page, and the failed
// accessibility audits. Build first (`npm run build`). Scores move with the machine's load: run it
// on a quiet machine, and more than once (`--runs 3` keeps each page's best and worst).
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
const paths = args.length ? args : ['/network'];
const port = process.env.LIGHTHOUSE_PORT || '4199';
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, ['scripts/e2e-server.js'], {
	env: { ...process.env, E2E_PORT: port },
	stdio: 'ignore'
});
const stop = () => server.kill('SIGTERM');

async function waitForServer() {
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(`${base}/health`)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('the server did not start');
}

async function sessionCookie() {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'email=staff%40partage.example.org&password=passerelle-demo',
		redirect: 'manual'
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (!cookie) throw new Error(`sign-in failed (${res.status})`);
	return cookie.split(';')[0];
}

let failed = false;
try {
	await waitForServer();
	const cookie = await sessionCookie();
	const chrome = await chromeLauncher.launch({
		chromePath: findChromium().path,
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	try {
		for (const path of paths) {
			const scores = [];
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(`${base}${path}`, {
					port: chrome.port,
					extraHeaders: { Cookie: cookie },
					onlyCategories: ['performance', 'accessibility'],
					logLevel: 'error'
				});
				const { categories, audits } = result.lhr;
				scores.push([categories.performance.score * 100, categories.accessibility.score * 100]);
				for (const ref of categories.accessibility.auditRefs) {
					const audit = audits[ref.id];
					if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
						console.log(`  ${path}: accessibility audit failed: ${ref.id}`);
					}
				}
			}
			const perf = scores.map((s) => Math.round(s[0]));
			const a11y = scores.map((s) => Math.round(s[1]));
			console.log(`${path}: performance ${perf.join(' / ')}, accessibility ${a11y.join(' / ')}`);
			if (Math.min(...a11y) < 100) failed = true;
		}
	} finally {
		await chrome.kill();
	}
} finally {
	stop();
}
process.exit(failed ? 1 : 0);
