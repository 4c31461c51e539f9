import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.js';

// Service workers and installability need a real browser profile: a persistent context on a
// throwaway user-data directory (a default context answers "in-incognito" to the install check).
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? '4173'}`;

export function profileDir(): { path: string; remove: () => void } {
	const path = mkdtempSync(join(tmpdir(), 'passerelle-profile-'));
	return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function openProfile(dir: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: findChromium().path,
		args: CHROMIUM_ARGS,
		baseURL: BASE_URL,
		locale: 'fr-FR',
		serviceWorkers: 'allow'
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

/**
 * Waits until the service worker controls the page. Its first install downloads the whole build;
 * if that fails (a busy machine), the browser tries again on the next load: so reload meanwhile.
 */
export async function serviceWorkerReady(page: Page) {
	await expect
		.poll(
			async () => {
				const controlled = await page.evaluate(async () => {
					const ready = navigator.serviceWorker.ready.then(() => true);
					const later = new Promise((r) => setTimeout(() => r(false), 3000));
					return (await Promise.race([ready, later])) && !!navigator.serviceWorker.controller;
				});
				if (!controlled) await page.reload();
				return controlled;
			},
			{ timeout: 40_000, intervals: [500] }
		)
		.toBe(true);
}

/**
 * Cuts the network for the pages and for the service worker's own fetches (Chromium's offline
 * emulation does not always reach a service worker).
 */
export async function goOffline(context: BrowserContext) {
	await context.setOffline(true);
	await context.route('**', (route) =>
		route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback()
	);
}
