// What the service worker writes itself: the banner on a kept page served offline, and the offline
// page when the page asked for was not kept. Both are plain HTML so they show without hydration
// (a page may run without client-side JavaScript).
import { m } from '$lib/paraglide/messages';
import { textDirection } from '$lib/i18n';
import { savedOn } from './saved-on';
import { locales, toLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/enums';

export type KeptPage = { url: string; title: string; savedAt: string };

const escape = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** The kept page's language, read from its <html lang>. */
export function pageLocale(html: string): Locale {
	return (toLocale(/<html[^>]*\blang="([^"]+)"/.exec(html)?.[1]) ?? 'fr') as Locale;
}

/** Why the kept copy is shown: no network at all, or one too slow to wait for. */
export type Reason = 'offline' | 'slow';

export function bannerHtml(savedAt: string, locale: Locale, reason: Reason = 'offline'): string {
	const message = reason === 'slow' ? m.offline_banner_slow : m.offline_banner;
	const text = escape(message({ date: savedOn(savedAt, locale) }, { locale }));
	// Outside the element Svelte hydrates (first in <body>), so hydration leaves it in place.
	return (
		`<p id="offline-banner" class="no-print" role="status" style="margin:0;padding:.5rem 1rem;` +
		`background:#fff4ce;color:#3d2f00;border-block-end:2px solid #b38600;font-weight:600;` +
		`text-align:center">${text}</p>`
	);
}

export function withBanner(html: string, savedAt: string, reason: Reason = 'offline'): string {
	const banner = bannerHtml(savedAt, pageLocale(html), reason);
	return html.replace(/<body[^>]*>/, (tag) => tag + banner);
}

/** The first of the wanted languages the app speaks, else French. */
export function pickLocale(wanted: (string | null | undefined)[]): Locale {
	for (const w of wanted) {
		const tag = toLocale(w) ?? toLocale(w?.split('-')[0]);
		if (tag && (locales as readonly string[]).includes(tag)) return tag as Locale;
	}
	return 'fr';
}

export function offlinePageHtml(locale: Locale, kept: KeptPage[], wanted: string): string {
	const t = (s: string) => escape(s);
	const items = kept
		.map(
			(p) =>
				`<li><a href="${t(p.url)}">${t(p.title || p.url)}</a> <small>` +
				`${t(m.offline_saved_on({ date: savedOn(p.savedAt, locale) }, { locale }))}</small></li>`
		)
		.join('');
	return `<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(m.offline_page_title({}, { locale }))} · Passerelle</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;line-height:1.5}
header{background:#0b5d57;color:#fff;padding:.6rem 1rem;font-weight:700}
main{max-inline-size:40rem;margin:0 auto;padding:1rem}a{color:#0b5d57}li{margin-block:.4rem}
small{color:#555}</style></head>
<body><header>Passerelle</header><main>
<h1>${t(m.offline_page_title({}, { locale }))}</h1>
<p>${t(m.offline_page_lead({}, { locale }))}</p>
<p><a href="${t(wanted)}">${t(m.offline_page_retry({}, { locale }))}</a></p>
<h2>${t(m.offline_page_kept({}, { locale }))}</h2>
${items ? `<ul>${items}</ul>` : `<p>${t(m.offline_page_none({}, { locale }))}</p>`}
</main></body></html>`;
}
