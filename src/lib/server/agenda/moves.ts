// Where sessions go when someone moves them inside a day: a pure function from the day's rows to
// their new times, judged by rules.ts before anything is written.
import { parallelGroups } from '$lib/agenda';
import type { Slot } from './rules';

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clockOf = (n: number) =>
	`${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

/**
 * Moves the session at `from` to the place of the session at `to` in a day's ordered sessions
 * (earlier/later, or a drop inside the day). The rule, chosen after parallel sessions were laid
 * over sessions nobody marked parallel: what moves is the session's block, the run of sessions
 * that overlap each other (the page shows it as « Séances en parallèle »; a lone session is a
 * block of one). Blocks swap time slots: the moved span starts where it started and the gaps
 * between blocks stay where they were, so a morning stays a morning. Inside a block every session
 * keeps its offset from the block's start, so each keeps its length and its parallel partners,
 * and no session ever meets a new one. A session leaves a group by having its times edited (the
 * form asks about overlaps); across days (move, drop on another day) a session travels alone with
 * its times. `to` inside the session's own block changes nothing (null).
 */
export function placeInDay<S extends Slot>(day: S[], from: number, to: number) {
	const blocks = parallelGroups(day);
	const blockOf = (i: number) => blocks.findIndex((b) => b.includes(day[i]));
	const a = blockOf(from);
	const b = blockOf(Math.max(0, Math.min(day.length - 1, to)));
	if (a < 0 || b < 0 || a === b) return null;
	const span = (block: S[]) => ({
		start: minutes(block[0].startsAt),
		end: Math.max(...block.map((s) => minutes(s.endsAt)))
	});
	const gaps = blocks.map((block, i) =>
		i < blocks.length - 1 ? span(blocks[i + 1]).start - span(block).end : 0
	);
	const order = [...blocks];
	const [moved] = order.splice(a, 1);
	order.splice(b, 0, moved);
	const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
	let cursor = span(blocks[lo]).start;
	const placed: (S & { position: number })[] = [];
	for (const [i, block] of order.entries()) {
		const { start, end } = span(block);
		const inSpan = i >= lo && i <= hi;
		const shift = inSpan ? cursor - start : 0;
		for (const s of block) {
			placed.push({
				...s,
				startsAt: clockOf(minutes(s.startsAt) + shift),
				endsAt: clockOf(minutes(s.endsAt) + shift),
				position: placed.length
			});
		}
		if (inSpan) cursor += end - start + gaps[i];
	}
	return placed;
}
