/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The offline kit's service worker. It precaches the built assets of its version, keeps the kit's
// pages a person opens (network first, the kept copy when the network fails) and writes the
// offline page. It answers GET navigations and asset requests only: every other request (POSTs,
// `__data.json`, the API of the offline write queue) goes to the network untouched. Caches, keys
// and messages: docs/architecture.md, "Offline kit".
import { build, files, version } from '$service-worker';
import type { KitMessage } from '$lib/offline/keepable';
import { offlinePageHtml, pickLocale, withBanner, type Reason } from '$lib/offline/sw-html';
import {
	forgetCurrentOwner,
	keptCopy,
	keptPages,
	lastLanguage,
	remember,
	versionsInUse
} from '$lib/offline/sw-pages';
import { SAVED_AT_HEADER, isKeepable } from '$lib/offline/keepable';
import { ASSETS_PREFIX, staleAssetCaches, withVersion } from '$lib/offline/sw-assets';

const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = ASSETS_PREFIX + version;
const ASSET_PATHS = new Set([...build, ...files]);
const IMMUTABLE = /\/_app\/immutable\//;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(ASSETS);
			// Hashed files a previous version already holds are copied, not downloaded again: on
			// a costly connection an update only fetches what changed.
			const missing: string[] = [];
			for (const path of ASSET_PATHS) {
				const old = IMMUTABLE.test(path) ? await caches.match(path) : undefined;
				if (old) await cache.put(path, old);
				else missing.push(path);
			}
			await cache.addAll(missing);
			// Take over at once (see "Updates" in docs/architecture.md): pages already open keep
			// their version's assets, which activate does not delete.
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const stale = staleAssetCaches(
				await caches.keys(),
				version,
				await previousVersion(),
				await versionsInUse()
			);
			for (const name of stale) await caches.delete(name);
			await recordVersion();
			await sw.clients.claim();
		})()
	);
});

const VERSIONS_KEY = '/__kit/versions';
async function previousVersion(): Promise<string | null> {
	const res = await (await caches.open('kit-meta')).match(VERSIONS_KEY);
	const seen: string[] = res ? await res.json() : [];
	return seen.filter((v) => v !== version).at(-1) ?? null;
}
async function recordVersion() {
	const meta = await caches.open('kit-meta');
	const res = await meta.match(VERSIONS_KEY);
	const seen: string[] = res ? await res.json() : [];
	await meta.put(VERSIONS_KEY, Response.json(withVersion(seen, version)));
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.method !== 'GET') {
		// Signing out (with or without JavaScript) removes the person's kept pages. The POST
		// itself is left to the network.
		if (request.method === 'POST' && url.pathname === '/logout') {
			event.waitUntil(forgetCurrentOwner());
		}
		return;
	}
	if (ASSET_PATHS.has(url.pathname)) {
		event.respondWith(asset(request, url));
	} else if (request.mode === 'navigate') {
		event.respondWith(navigate(event, url));
	}
});

async function asset(request: Request, url: URL): Promise<Response> {
	const own = await (await caches.open(ASSETS)).match(url.pathname);
	return own ?? (await caches.match(url.pathname)) ?? fetch(request);
}

/**
 * How long a navigation waits for the network when a kept copy exists: on a connection that
 * stalls for minutes, the copy is shown instead (and refreshed when the answer arrives).
 */
const NETWORK_WAIT_MS = 8000;

async function navigate(event: FetchEvent, url: URL): Promise<Response> {
	const network = fetch(event.request);
	// Registered first, so the copy is taken before the page reads the body; kept alive even when
	// the answer comes after a kept copy was shown.
	event.waitUntil(
		network.then((response) => remember(event.request, response.clone(), version)).catch(() => {})
	);
	const kept = isKeepable(url.pathname) ? await keptCopy(url) : null;
	try {
		if (!kept) return await network;
		const waited = new Promise<null>((r) => setTimeout(() => r(null), NETWORK_WAIT_MS));
		return (await Promise.race([network, waited])) ?? (await served(kept.clone(), 'slow'));
	} catch {
		return kept ? served(kept, 'offline') : offlinePage(url);
	}
}

async function served(kept: Response, reason: Reason): Promise<Response> {
	const html = withBanner(await kept.text(), kept.headers.get(SAVED_AT_HEADER) ?? '', reason);
	return new Response(html, { status: 200, headers: kept.headers });
}

async function offlinePage(url: URL): Promise<Response> {
	const store = (sw as unknown as { cookieStore?: { get(n: string): Promise<{ value: string }> } })
		.cookieStore;
	const cookie = await store?.get('PARAGLIDE_LOCALE').catch(() => null);
	const locale = pickLocale([cookie?.value, await lastLanguage(), ...navigator.languages]);
	const html = offlinePageHtml(locale, await keptPages(), url.pathname + url.search);
	return new Response(html, {
		status: 503,
		headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }
	});
}

sw.addEventListener('message', (event) => {
	const data = event.data as KitMessage;
	const port = event.ports[0];
	const reply = (value: unknown) => port?.postMessage(value);
	if (data?.type === 'keep') event.waitUntil(keep(data.urls).then(reply));
	else if (data?.type === 'kept-list')
		event.waitUntil(keptPages().then((pages) => reply({ type: 'kept-list', pages })));
	else if (data?.type === 'forget')
		event.waitUntil(forgetCurrentOwner().then(() => reply({ type: 'forgotten' })));
});

/** "Keep for offline use": fetches the pages now, as if the person had opened each of them. */
async function keep(urls: string[]) {
	const failed: string[] = [];
	let kept = 0;
	for (const path of urls) {
		const url = new URL(path, sw.location.origin);
		if (url.origin !== sw.location.origin) continue;
		try {
			const request = new Request(url, {
				credentials: 'same-origin',
				headers: { Accept: 'text/html' }
			});
			const response = await fetch(request);
			if (response.status !== 200 || response.redirected) throw new Error(String(response.status));
			await remember(request, response, version);
			kept++;
		} catch {
			failed.push(url.pathname);
		}
	}
	return { type: 'kept', kept, failed, savedAt: new Date().toISOString() };
}
