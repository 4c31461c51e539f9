// The one place UI code gets its messages and locale from.
import { getLocale, locales, toLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/enums';

export { m } from '$lib/paraglide/messages';
export { getLocale, locales, toLocale };

export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';

/** Endonyms, shown in the language switcher whatever the current language. */
export const LOCALE_NAMES: Record<Locale, string> = {
	fr: 'Français',
	en: 'English',
	es: 'Español',
	ar: 'العربية'
};

/** The language choices of every form, each named in its own language. */
export const LOCALE_OPTIONS = Object.entries(LOCALE_NAMES).map(([value, label]) => ({
	value,
	label
}));

export function textDirection(locale: string): 'ltr' | 'rtl' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The BCP 47 tag for Intl: Arabic with Latin digits, so times read 09:00 in every language;
 * British English, so dates read "5–10 May 2024" as in the rest of the (non-US) network.
 */
export function intlLocale(locale: string = getLocale()): string {
	if (locale === 'ar') return 'ar-u-nu-latn';
	if (locale === 'en') return 'en-GB';
	return locale;
}
