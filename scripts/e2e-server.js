// The server Playwright tests run against: the production build on a throwaway demo database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.env.E2E_PORT || '4173';
const dir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
const child = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		DATABASE_PATH: join(dir, 'e2e.db'),
		DEMO_DATA: '1',
		HOST: '127.0.0.1',
		PORT: port,
		ORIGIN: `http://127.0.0.1:${port}`
	}
});
const cleanUp = () => rmSync(dir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => {
	cleanUp();
	process.exit(code ?? 0);
});
