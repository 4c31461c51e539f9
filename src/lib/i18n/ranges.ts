// What a field allows, said in the reader's language: "between 1 and 1 000", and an end before its
// start said with both values typed, so the person sees at once which one to change. Numbers and
// dates go through Intl (Latin digits in Arabic, see intlLocale); the typed values are isolated so
// a time such as 09:30 keeps its order inside an Arabic sentence.
import { m, intlLocale } from './index';
import { formatDate } from './format';
import { isolate } from './bidi';

type Options = { locale?: 'fr' | 'en' | 'es' | 'ar' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{2}:\d{2}$/;

export const formatNumber = (n: number, locale?: string) =>
	new Intl.NumberFormat(intlLocale(locale)).format(n);

/** "Between 1 and 1 000." — the hint under a number field. */
export function betweenHint(min: number, max: number, { locale }: Options = {}) {
	return m.form_between(
		{ min: formatNumber(min, locale), max: formatNumber(max, locale) },
		{ locale }
	);
}

/** "Enter a whole number between 1 and 1 000." — the error of that field. */
export function betweenError(min: number, max: number, { locale }: Options = {}) {
	return m.form_between_error(
		{ min: formatNumber(min, locale), max: formatNumber(max, locale) },
		{ locale }
	);
}

/** The end date before the start date, both named; undefined when either is not a date. */
export function endDateBeforeStart(start: string, end: string, { locale }: Options = {}) {
	if (!ISO_DATE.test(start) || !ISO_DATE.test(end)) return undefined;
	const [s, e] = [start, end].map((d) => isolate(formatDate(d, locale)));
	return m.form_end_date_before_start({ start: s, end: e }, { locale });
}

/** A session's end time not after its start time (09:00 – 09:00 is no session either). */
export function endTimeBeforeStart(start: string, end: string, { locale }: Options = {}) {
	if (!CLOCK.test(start) || !CLOCK.test(end)) return undefined;
	return m.form_end_time_before_start({ start: isolate(start), end: isolate(end) }, { locale });
}

/** A departure before the arrival ("2026-05-04T10:00" values of datetime-local fields). */
export function departureBeforeArrival(arrives: string, departs: string, { locale }: Options = {}) {
	const moment = (v: string) => {
		const [day, time] = v.split('T');
		return ISO_DATE.test(day ?? '') && CLOCK.test((time ?? '').slice(0, 5))
			? isolate(`${formatDate(day, locale)} ${time.slice(0, 5)}`)
			: undefined;
	};
	const [a, d] = [moment(arrives), moment(departs)];
	if (!a || !d) return undefined;
	return m.form_departure_before_arrival_at({ arrives: a, departs: d }, { locale });
}
