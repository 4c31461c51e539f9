import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	extractLocaleFromHeader,
	overwriteServerAsyncLocalStorage,
	toLocale,
	type Locale
} from '$lib/paraglide/runtime';

/**
 * The locale of a request: the signed-in user's preference, else the cookie the language switcher
 * sets, else the browser's Accept-Language, else French. Never the URL.
 */
export function resolveLocale(opts: {
	preferred?: string | null;
	cookie?: string | null;
	/** The language a link asks for (only evaluation links carry one). */
	link?: string | null;
	request: Request;
}): Locale {
	return (
		toLocale(opts.preferred) ??
		toLocale(opts.cookie) ??
		toLocale(opts.link) ??
		extractLocaleFromHeader(opts.request) ??
		baseLocale
	);
}

type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const storage = new AsyncLocalStorage<Store>();
// Paraglide's getLocale() reads the locale of the request being rendered from this storage.
overwriteServerAsyncLocalStorage(storage);

export function withLocale<T>(locale: Locale, origin: string, fn: () => T): T {
	return storage.run({ locale, origin, messageCalls: new Set() }, fn);
}
