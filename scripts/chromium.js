// Where the browser for end-to-end tests is: CHROMIUM_PATH, else Debian's chromium, else
// Playwright's own download (undefined lets Playwright look for it).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @returns {{ path: string | undefined, found: boolean }} */
export function findChromium() {
	const override = process.env.CHROMIUM_PATH;
	if (override) return { path: override, found: existsSync(override) };
	const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
	if (system) return { path: system, found: true };
	let bundled;
	try {
		bundled = chromium.executablePath();
	} catch {
		bundled = undefined;
	}
	return { path: undefined, found: !!bundled && existsSync(bundled) };
}

// Without these, Chromium as root fails to start, and in a closed network it keeps trying to
// reach Google's services.
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
