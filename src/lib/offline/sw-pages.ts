// The kept pages, in the service worker: one Cache Storage cache per person (`pages-u-…`) or per
// private link (`pages-e-…`), named by the opaque owner key the server sends (OWNER_HEADER). Who is
// signed in on this device is remembered in the `kit-meta` cache, so a page is only ever looked up
// in the current person's cache: someone else signing in on a shared phone sees none of it.
import { CacheExpiration } from 'workbox-expiration';
import {
	OWNER_HEADER,
	SAVED_AT_HEADER,
	TITLE_HEADER,
	VERSION_HEADER,
	isKeepable,
	linkOwner,
	linkToken
} from './keepable';
import type { KeptPage } from './sw-html';

export const PAGES_PREFIX = 'pages-';
const META = 'kit-meta';
const OWNER_KEY = '/__kit/owner';
const LANG_KEY = '/__kit/lang';
/** Enough for a season of visits; the least recently opened go first. */
const MAX_PAGES = 120;

const expiration = (owner: string) =>
	new CacheExpiration(PAGES_PREFIX + owner, { maxEntries: MAX_PAGES });

/** Query strings never change what a kept page is (`?lang=`, `?done=`): one copy per path. */
export const pageKey = (url: URL) => url.origin + url.pathname;

async function readMeta(key: string): Promise<string | null> {
	const res = await (await caches.open(META)).match(key);
	return res ? res.text() : null;
}

async function writeMeta(key: string, value: string | null) {
	const meta = await caches.open(META);
	if (value === null) await meta.delete(key);
	else await meta.put(key, new Response(value));
}

export const currentOwner = () => readMeta(OWNER_KEY);
export const lastLanguage = () => readMeta(LANG_KEY);

/**
 * Learns from a page fetched online who is signed in and in which language, and keeps the page if
 * it is one of the kit's pages and its owner allows (no `no-store`, a plain 200).
 */
export async function remember(request: Request, response: Response, version: string) {
	const url = new URL(request.url);
	const owner = response.headers.get(OWNER_HEADER);
	const isLink = linkToken(url.pathname) !== null;
	const html = response.headers.get('Content-Type')?.startsWith('text/html');
	if (!html || response.status !== 200 || response.redirected) return;
	if (owner?.startsWith('u-') && !isLink) await writeMeta(OWNER_KEY, owner);
	const text = await response.text();
	const lang = /<html[^>]*\blang="([^"]+)"/.exec(text)?.[1];
	if (lang) await writeMeta(LANG_KEY, lang);
	if (!owner || !isKeepable(url.pathname)) return;
	if (response.headers.get('Cache-Control')?.includes('no-store')) return;
	const headers = new Headers(response.headers);
	headers.set(SAVED_AT_HEADER, new Date().toISOString());
	headers.set(TITLE_HEADER, encodeURIComponent(titleOf(text)));
	headers.set(VERSION_HEADER, version);
	const cache = await caches.open(PAGES_PREFIX + owner);
	await cache.put(pageKey(url), new Response(text, { status: 200, headers }));
	const limit = expiration(owner);
	await limit.updateTimestamp(pageKey(url));
	await limit.expireEntries();
}

function titleOf(html: string): string {
	const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
	return raw
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.trim();
}

/** The cache a page would be kept in for whoever asks now, or null if nobody may read it. */
async function ownerFor(url: URL): Promise<string | null> {
	const token = linkToken(url.pathname);
	return token ? linkOwner(token) : currentOwner();
}

export async function keptCopy(url: URL): Promise<Response | null> {
	const owner = await ownerFor(url);
	// `caches.open` would create an empty cache for someone who kept nothing.
	if (!owner || !(await caches.has(PAGES_PREFIX + owner))) return null;
	const cache = await caches.open(PAGES_PREFIX + owner);
	return (await cache.match(pageKey(url))) ?? null;
}

/** The current person's kept pages, newest first. */
export async function keptPages(): Promise<KeptPage[]> {
	const owner = await currentOwner();
	if (!owner || !(await caches.has(PAGES_PREFIX + owner))) return [];
	const cache = await caches.open(PAGES_PREFIX + owner);
	const pages: KeptPage[] = [];
	for (const request of await cache.keys()) {
		const res = await cache.match(request);
		if (!res) continue;
		pages.push({
			url: new URL(request.url).pathname,
			title: decodeURIComponent(res.headers.get(TITLE_HEADER) ?? ''),
			savedAt: res.headers.get(SAVED_AT_HEADER) ?? ''
		});
	}
	return pages.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Signing out: the person's kept pages leave the device, and nobody is signed in any more. */
export async function forgetCurrentOwner() {
	const owner = await currentOwner();
	await writeMeta(OWNER_KEY, null);
	if (!owner) return;
	await caches.delete(PAGES_PREFIX + owner);
	await expiration(owner).delete();
}

/** The versions whose assets some kept page still needs (see the service worker's activate). */
export async function versionsInUse(): Promise<Set<string>> {
	const used = new Set<string>();
	for (const name of await caches.keys()) {
		if (!name.startsWith(PAGES_PREFIX)) continue;
		const cache = await caches.open(name);
		for (const res of await cache.matchAll()) {
			const v = res.headers.get(VERSION_HEADER);
			if (v) used.add(v);
		}
	}
	return used;
}
