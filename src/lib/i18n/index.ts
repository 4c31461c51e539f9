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

export function textDirection(locale: string): 'ltr' | 'rtl' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The BCP 47 tag for Intl: Arabic with Latin digits, so times read 09:00 in every language. */
export function intlLocale(locale: string = getLocale()): string {
	return locale === 'ar' ? 'ar-u-nu-latn' : locale;
}
