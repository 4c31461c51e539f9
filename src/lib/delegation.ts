// The logistics checklist of a delegation (DESIGN.md, journey step 4): pure rules shared by the
// server (queries, CSV) and the pages.
import { addDays, format } from 'date-fns';
import type { AccommodationStatus, TravelStatus, VisaStatus } from './enums';

/** What the checklist flags; `visa_refused` is a problem to solve, not a step to take. */
export const MISSING_ITEMS = [
	'arrival',
	'departure',
	'travel',
	'visa',
	'visa_refused',
	'accommodation'
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

type Logistics = {
	arrivesAt: string | null;
	departsAt: string | null;
	travel: TravelStatus;
	visa: VisaStatus;
	accommodation: AccommodationStatus;
};

/**
 * What is still missing for one delegate. Someone who does not travel (the host's own team) has
 * no arrival or departure to record, so those are only asked of travellers.
 */
export function missingLogistics(d: Logistics): MissingItem[] {
	const out: MissingItem[] = [];
	const travels = d.travel !== 'not_needed';
	if (travels && !d.arrivesAt) out.push('arrival');
	if (travels && !d.departsAt) out.push('departure');
	if (d.travel === 'to_book') out.push('travel');
	if (d.visa === 'to_apply' || d.visa === 'pending') out.push('visa');
	if (d.visa === 'refused') out.push('visa_refused');
	if (d.accommodation === 'to_arrange') out.push('accommodation');
	return out;
}

export type VisitDates = { startsOn: string; endsOn: string };
export type DateWarning = 'arrival_early' | 'arrival_late' | 'departure_early' | 'departure_late';
const MARGIN_DAYS = 3;

const shiftDay = (day: string, days: number) =>
	format(addDays(new Date(`${day}T12:00:00`), days), 'yyyy-MM-dd');

/** Arrivals and departures far from the visit's dates: allowed, but probably a typing slip. */
export function dateWarnings(visit: VisitDates, d: Pick<Logistics, 'arrivesAt' | 'departsAt'>) {
	const from = shiftDay(visit.startsOn, -MARGIN_DAYS);
	const to = shiftDay(visit.endsOn, MARGIN_DAYS);
	const out: DateWarning[] = [];
	for (const [key, value] of [
		['arrival', d.arrivesAt],
		['departure', d.departsAt]
	] as const) {
		if (!value) continue;
		const day = value.slice(0, 10);
		if (day < from) out.push(`${key}_early`);
		else if (day > to) out.push(`${key}_late`);
	}
	return out;
}
