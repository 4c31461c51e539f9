// Starting the production server on a benchmark database, signing in, reading its peak memory.
import { spawn } from 'node:child_process';
import { serverEnv, serverNodeFlags } from '../heap.js';
import { readFileSync } from 'node:fs';

export async function waitFor(url, tries = 900) {
	for (let i = 0; i < tries; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} never answered`);
}

/** The production server as `npm start` runs it, on `database`, listening on 127.0.0.1 only. */
export async function startApp(database, port, env = {}) {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...serverNodeFlags(), 'scripts/start.js'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			...serverEnv(),
			DATABASE_PATH: database,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			BENCH_ROUTES: '1',
			// Background jobs would write during the measurements.
			JOBS_DISABLED: '1',
			...env
		}
	});
	const orphan = () => child.kill('SIGKILL');
	process.on('exit', orphan);
	await waitFor(`${origin}/health`);
	const stop = async () => {
		process.off('exit', orphan);
		await stopChild(child);
	};
	return { child, origin, stop };
}

export function stopChild(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', resolve);
		child.kill('SIGTERM');
	});
}

/** Peak resident memory of a process so far (Linux's VmHWM), in MB. */
export function peakMemoryMb(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return Math.round(kb / 102.4) / 10;
}

/** Signs in through the login form like a browser and returns the session cookie. */
export async function signIn(origin, email, password) {
	const body = new URLSearchParams({ email, password });
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin, accept: 'text/html' }
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.includes('=') && !c.endsWith('='));
	if (!cookie) throw new Error(`sign-in as ${email} failed (${response.status})`);
	return cookie;
}
