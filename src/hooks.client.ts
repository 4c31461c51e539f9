import { overwriteGetLocale, toLocale, baseLocale } from '$lib/paraglide/runtime';

// The server decides the locale (user preference, cookie, Accept-Language) and writes it into
// <html lang>; the browser reads it back so hydration renders the same words.
overwriteGetLocale(() => toLocale(document.documentElement.lang) ?? baseLocale);
