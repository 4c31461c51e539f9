// The one judge of a programme change: every write computes the whole programme as it would be,
// asks `refusal`, and writes only when the answer is null. Pure, so tests can call it freely.
import { MAX_SESSIONS_PER_DAY } from '$lib/agenda';
import type { FieldErrors } from '$lib/schemas/common';

export type Slot = { id: number; day: string; startsAt: string; endsAt: string; title: string };

export type Refusal =
	/** A session would land on a day that is not one of the visit's. */
	| { reason: 'outside'; day: string }
	/** The day would hold more than MAX_SESSIONS_PER_DAY sessions. */
	| { reason: 'full'; day: string }
	/** Sessions would overlap without anybody having marked them parallel; `titles` are the others. */
	| { reason: 'overlap'; day: string; titles: string[] }
	/** A move would change a session's length (or run it past midnight). */
	| { reason: 'length'; day: string }
	/** The leading organisation does not take part in the visit. */
	| { reason: 'lead' };

export type Change = {
	/** The visit's days. */
	days: string[];
	/** The visit's whole programme before the change, and as the change would leave it. */
	before: Slot[];
	after: Slot[];
	/** New sessions copied from existing ones: a copy keeps its source's length and parallels. */
	copiedFrom?: ReadonlyMap<number, number>;
	/** Sessions typed in a form (add, edit), with their « Séance en parallèle » box. */
	typed?: ReadonlyMap<number, boolean>;
};

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const length = (s: Slot) => minutes(s.endsAt) - minutes(s.startsAt);
export const overlap = (a: Slot, b: Slot) =>
	a.day === b.day && a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Why the change may not be written, or null. The parallel flag is not stored: it is the
 * « Séance en parallèle » box of the form that adds or edits a session. Ticked, the session may
 * overlap any other; unticked, it may overlap none. Two sessions nobody typed may overlap only
 * if they (or, for copies, their sources) already overlapped each other before the change: the
 * overlap was flagged when it was made. So no move, copy or reorder can create an overlap.
 * Sessions nobody typed keep their length; rows the change leaves alone are not judged for their
 * day (a visit whose dates shrank shows them as warnings instead).
 */
export function refusal(change: Change): Refusal | null {
	const { days, before, after } = change;
	const copiedFrom = change.copiedFrom ?? new Map<number, number>();
	const typed = change.typed ?? new Map<number, boolean>();
	const was = new Map(before.map((s) => [s.id, s]));
	const source = (s: Slot) => was.get(copiedFrom.get(s.id) ?? s.id);
	const touched = (s: Slot) => {
		const b = was.get(s.id);
		return (
			typed.has(s.id) || !b || b.day !== s.day || b.startsAt !== s.startsAt || b.endsAt !== s.endsAt
		);
	};
	const changed = after.filter(touched);
	for (const s of changed) {
		if (!days.includes(s.day)) return { reason: 'outside', day: s.day };
		const from = source(s);
		const kept = typed.has(s.id) || !from || length(from) === length(s);
		if (!kept || s.endsAt <= s.startsAt || s.endsAt > '24:00')
			return { reason: 'length', day: s.day };
	}
	const count = (rows: Slot[], day: string) => rows.filter((s) => s.day === day).length;
	for (const day of new Set(changed.map((s) => s.day))) {
		const n = count(after, day);
		if (n > MAX_SESSIONS_PER_DAY && n > count(before, day)) return { reason: 'full', day };
	}
	const allowed = (a: Slot, b: Slot) => {
		if (typed.get(a.id) || typed.get(b.id)) return true;
		if (typed.has(a.id) || typed.has(b.id)) return false;
		const [sa, sb] = [source(a), source(b)];
		return !!sa && !!sb && sa.id !== sb.id && overlap(sa, sb);
	};
	for (const day of new Set(after.map((s) => s.day))) {
		const today = after
			.filter((s) => s.day === day)
			.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
		const others = new Map<number, Slot>();
		for (let i = 0; i < today.length; i++) {
			for (let j = i + 1; j < today.length && today[j].startsAt < today[i].endsAt; j++) {
				const [a, b] = [today[i], today[j]];
				if (!overlap(a, b) || allowed(a, b)) continue;
				// Name the sessions the change runs into, not the ones it moves or types.
				const named = [a, b].filter((s) => !touched(s));
				for (const s of named.length ? named : [a, b]) others.set(s.id, s);
			}
		}
		if (others.size)
			return { reason: 'overlap', day, titles: [...others.values()].map((s) => s.title) };
	}
	return null;
}

/** A refusal said on the session form's fields (add, edit). */
export function formErrors(refused: Refusal): { errors: FieldErrors; overlapWith: string } {
	switch (refused.reason) {
		case 'overlap':
			return { errors: { startsAt: 'overlap' }, overlapWith: refused.titles.join(', ') };
		case 'outside':
			return { errors: { day: 'invalid' }, overlapWith: '' };
		case 'full':
			return { errors: { day: 'day_full' }, overlapWith: '' };
		case 'lead':
			return { errors: { leadOrganisationId: 'invalid' }, overlapWith: '' };
		case 'length':
			return { errors: { endsAt: 'invalid_time' }, overlapWith: '' };
	}
}
