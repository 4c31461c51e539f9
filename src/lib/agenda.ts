// Programme rules shared by the server and the pages: days of a visit, wall-clock times in the
// visit's zone turned into instants, and the warnings a programme deserves (never refusals).
import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';

export type Session = {
	id: number;
	day: string;
	startsAt: string;
	endsAt: string;
	title: string;
	kind?: string;
};

/** "09:30"; the end of a session may also be "24:00" (midnight at the end of its day). */
export const isClockTime = (v: string, allowMidnightEnd = false) =>
	/^([01]\d|2[0-3]):[0-5]\d$/.test(v) || (allowMidnightEnd && v === '24:00');

/** Every calendar day of the visit, first to last. */
export function visitDays(startsOn: string, endsOn: string): string[] {
	const days: string[] = [];
	for (let d = parseISO(startsOn); format(d, 'yyyy-MM-dd') <= endsOn; d = addDays(d, 1)) {
		days.push(format(d, 'yyyy-MM-dd'));
		if (days.length > 366) break;
	}
	return days;
}

/**
 * The instant a wall-clock time on a day means in a time zone. Daylight-saving changes are the
 * zone database's business: 02:30 on the night clocks go back is the first 02:30.
 */
export function instant(day: string, time: string, zone: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [hh, mm] = time === '24:00' ? [24, 0] : time.split(':').map(Number);
	return new Date(new TZDate(y, m - 1, d, hh, mm, zone).getTime());
}

/** The same instant as wall-clock time in another zone, e.g. for a viewer in Lima. */
export function wallClock(at: Date, zone: string) {
	const local = new TZDate(at.getTime(), zone);
	return { day: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}

export type Warning =
	| { kind: 'overlap'; day: string; ids: [number, number] }
	| { kind: 'outside'; day: string; id: number }
	| { kind: 'empty_day'; day: string }
	| { kind: 'late_arrival'; delegate: string; id: number };

/** What deserves a second look in a programme; overlaps may be parallel tracks on purpose. */
export function programmeWarnings(
	sessions: Session[],
	visit: { startsOn: string; endsOn: string },
	arrivals: { name: string; arrivesAt: string | null }[] = []
): Warning[] {
	const warnings: Warning[] = [];
	const days = visitDays(visit.startsOn, visit.endsOn);
	const sorted = [...sessions].sort((a, b) =>
		(a.day + a.startsAt).localeCompare(b.day + b.startsAt)
	);
	for (const s of sorted) {
		if (!days.includes(s.day)) warnings.push({ kind: 'outside', day: s.day, id: s.id });
	}
	for (const day of days) {
		const today = sorted.filter((s) => s.day === day);
		if (!today.length) warnings.push({ kind: 'empty_day', day });
		for (let i = 0; i < today.length; i++) {
			for (let j = i + 1; j < today.length && today[j].startsAt < today[i].endsAt; j++) {
				warnings.push({ kind: 'overlap', day, ids: [today[i].id, today[j].id] });
			}
		}
	}
	for (const a of arrivals) {
		if (!a.arrivesAt) continue;
		// Days before the arrival are for those already there; only the arrival day is a surprise.
		// The journey that brings the delegation starts before it arrives, by nature.
		const sameDay = sorted.find(
			(s) =>
				s.kind !== 'travel' &&
				s.day === a.arrivesAt!.slice(0, 10) &&
				`${s.day}T${s.startsAt}` < a.arrivesAt!
		);
		if (sameDay) warnings.push({ kind: 'late_arrival', delegate: a.name, id: sameDay.id });
	}
	return warnings;
}

/** A symbol per kind of session: tells kinds apart on screen and on black-and-white paper. */
/** The most sessions one day may hold: a generous programme, and a page that stays usable. */
export const MAX_SESSIONS_PER_DAY = 40;

export const KIND_ICONS: Record<string, string> = {
	observation: '◉',
	workshop: '✎',
	site_visit: '⌂',
	meeting: '◎',
	debrief: '↻',
	travel: '✈',
	meal: '☕',
	free_time: '☼'
};

/** The sessions of a day a new or edited session would overlap (parallel tracks need a yes). */
export function overlapsOf<S extends Session>(
	sessions: S[],
	candidate: { day: string; startsAt: string; endsAt: string },
	exceptId?: number
): S[] {
	return sessions.filter(
		(s) =>
			s.id !== exceptId &&
			s.day === candidate.day &&
			s.startsAt < candidate.endsAt &&
			candidate.startsAt < s.endsAt
	);
}

/**
 * A session's times as a viewer in another zone reads them: the day may change, and the end may
 * fall on the next day (`overnight`).
 */
export function inZone(
	session: { day: string; startsAt: string; endsAt: string },
	from: string,
	to: string
) {
	const start = wallClock(instant(session.day, session.startsAt, from), to);
	const end = wallClock(instant(session.day, session.endsAt, from), to);
	return { day: start.day, startsAt: start.time, endsAt: end.time, overnight: end.day > start.day };
}

/** Runs of sessions that overlap each other, shown side by side; most runs hold one session. */
export function parallelGroups<S extends Session>(daySessions: S[]): S[][] {
	const groups: S[][] = [];
	let end = '';
	for (const s of daySessions) {
		const last = groups.at(-1);
		if (last && s.startsAt < end) last.push(s);
		else groups.push([s]);
		end = last && s.startsAt < end ? (s.endsAt > end ? s.endsAt : end) : s.endsAt;
	}
	return groups;
}
