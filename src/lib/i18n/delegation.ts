// Words for the delegation's statuses and checklist, shared by the pages and the CSV export.
import { m, intlLocale } from './index';
import { formatDate } from './format';
import type { AccommodationStatus, TravelStatus, VisaStatus } from '$lib/enums';
import type { DateWarning, MissingItem } from '$lib/delegation';

export const travelLabel: Record<TravelStatus, () => string> = {
	to_book: m.travel_to_book,
	booked: m.travel_booked,
	not_needed: m.travel_not_needed
};

export const visaLabel: Record<VisaStatus, () => string> = {
	not_needed: m.visa_not_needed,
	to_apply: m.visa_to_apply,
	pending: m.visa_pending,
	obtained: m.visa_obtained,
	refused: m.visa_refused
};

export const accommodationLabel: Record<AccommodationStatus, () => string> = {
	to_arrange: m.accommodation_to_arrange,
	booked: m.accommodation_booked,
	not_needed: m.accommodation_not_needed
};

export const missingLabel: Record<MissingItem, () => string> = {
	arrival: m.missing_arrival,
	departure: m.missing_departure,
	travel: m.missing_travel,
	visa: m.missing_visa,
	visa_refused: m.missing_visa_refused,
	accommodation: m.missing_accommodation
};

export const warningLabel: Record<DateWarning, () => string> = {
	arrival_early: m.warning_arrival_early,
	arrival_late: m.warning_arrival_late,
	departure_early: m.warning_departure_early,
	departure_late: m.warning_departure_late
};

/** "A, B et C", "A، B وC": the locale joins the list. */
export function listText(items: readonly string[], locale?: string) {
	return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}

/** "heure d'arrivée, voyage à réserver et visa refusé". */
export function missingText(items: readonly MissingItem[], locale?: string) {
	return listText(
		items.map((item) => missingLabel[item]()),
		locale
	);
}

/**
 * A wall-clock "YYYY-MM-DDTHH:MM" as "12 mai 2024 09:30". It is never converted: it already is
 * the visit's local time, and the page names that time zone beside it.
 */
export function formatWallClock(value: string, locale?: string) {
	return `${formatDate(value.slice(0, 10), locale)} ${value.slice(11, 16)}`;
}

/** Text set apart from its sentence (U+2068…U+2069), so "Africa/Ouagadougou" stays whole in Arabic. */
export function isolate(text: string) {
	return `${String.fromCharCode(0x2068)}${text}${String.fromCharCode(0x2069)}`;
}
