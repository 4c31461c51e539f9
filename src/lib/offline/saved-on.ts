import { intlLocale } from '$lib/i18n';
import type { Locale } from '$lib/enums';

/** When a page was kept, "5 May at 08:12": the page's language, the device's time zone. */
export function savedOn(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit'
	}).format(new Date(iso));
}
