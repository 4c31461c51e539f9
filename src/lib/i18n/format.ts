import { intlLocale } from './index';

type Named = { nameFr: string; nameEn: string; nameEs: string; nameAr: string };

/** A YYYY-MM-DD calendar date read as a UTC midnight, so no time zone can shift its day. */
function calendarDate(isoDate: string) {
	return new Date(`${isoDate}T00:00:00Z`);
}

const dateOptions: Intl.DateTimeFormatOptions = {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
};

/**
 * Building an Intl formatter costs far more than using one (a list of 20 visits spent a tenth of
 * its server time in constructors): one per locale and kind is kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: string, locale: string, options: Intl.DateTimeFormatOptions) {
	const key = `${kind}|${locale}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, format);
	}
	return format;
}
const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * Formatted calendar dates, kept: even with a kept formatter, `formatRange` (ICU's interval
 * format) stayed ~5 % of a list page's server time under load, and pages show the same few
 * thousand dates again and again. Emptied when full rather than tracked per use.
 */
const formatted = new Map<string, string>();
function remembered(key: string, format: () => string) {
	let text = formatted.get(key);
	if (text === undefined) {
		if (formatted.size >= 20_000) formatted.clear();
		text = format();
		formatted.set(key, text);
	}
	return text;
}

export function formatDate(isoDate: string, locale?: string) {
	const tag = intlLocale(locale);
	return remembered(`${tag}|${isoDate}`, () =>
		dateFormat('date', tag, dateOptions).format(calendarDate(isoDate))
	);
}

/** "5–10 mai 2024", "28 oct. – 2 nov. 2024": the locale decides how a range is written. */
export function formatDateRange(start: string, end: string, locale?: string) {
	const tag = intlLocale(locale);
	return remembered(`${tag}|${start}|${end}`, () =>
		dateFormat('date', tag, dateOptions).formatRange(calendarDate(start), calendarDate(end))
	);
}

/** A country's or a language's name in `locale`, or the code itself when Intl has none. */
function displayName(type: 'region' | 'language', code: string, locale?: string) {
	try {
		const tag = intlLocale(locale);
		let names = displayNames.get(`${type}|${tag}`);
		if (!names) {
			names = new Intl.DisplayNames([tag], { type });
			displayNames.set(`${type}|${tag}`, names);
		}
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

export const countryName = (code: string, locale?: string) => displayName('region', code, locale);
export const languageName = (code: string, locale?: string) =>
	displayName('language', code, locale);

export function themeName(theme: Named, locale: string) {
	switch (locale) {
		case 'en':
			return theme.nameEn;
		case 'es':
			return theme.nameEs;
		case 'ar':
			return theme.nameAr;
		default:
			return theme.nameFr;
	}
}

/** A moment as a day ("22 nov. 2026"), read in UTC so server and browser render the same text. */
export function formatDay(moment: Date, locale?: string) {
	return dateFormat('day', intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
		moment
	);
}

/** "dimanche 5 mai 2024": a programme's day, with its weekday so nobody counts on their fingers. */
export function formatLongDate(isoDate: string, locale?: string) {
	return dateFormat('long', intlLocale(locale), { ...dateOptions, weekday: 'long' }).format(
		calendarDate(isoDate)
	);
}

/** A file size in the reader's units: "340 ko", "2,5 Mo", "340 kB". */
export function formatSize(bytes: number, locale?: string) {
	const mb = bytes >= 1024 * 1024;
	return new Intl.NumberFormat(intlLocale(locale), {
		style: 'unit',
		unit: mb ? 'megabyte' : 'kilobyte',
		unitDisplay: 'short',
		maximumFractionDigits: mb ? 1 : 0
	}).format(Math.max(mb ? bytes / (1024 * 1024) : Math.ceil(bytes / 1024), mb ? 0 : 1));
}
