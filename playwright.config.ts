import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

const port = process.env.E2E_PORT ?? '4173';
const emptyPort = String(Number(port) + 1);
const chromium = findChromium();

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	// One worker: tests sign in with the four shared demo accounts, and switching the language
	// saves it on the account, so parallel tests would see each other's language.
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				// French first, as for most of the network: the helpers read French labels.
				locale: 'fr-FR',
				launchOptions: { executablePath: chromium.path, args: CHROMIUM_ARGS }
			}
		}
	],
	// The production build (npm test builds it first) on throwaway databases: one with the demo
	// network, one empty for the first-admin flow.
	webServer: [
		{
			command: 'node scripts/e2e-server.js',
			url: `http://127.0.0.1:${port}/health`,
			env: { E2E_PORT: port },
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			command: 'node scripts/e2e-server.js',
			url: `http://127.0.0.1:${emptyPort}/health`,
			env: { E2E_PORT: emptyPort, E2E_DEMO: '0' },
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe'
		}
	]
});
