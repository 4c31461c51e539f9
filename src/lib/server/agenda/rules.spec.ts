// Random programmes with parallel sessions, then random sequences of every kind of change: after
// each accepted one the programme is valid, a refused one leaves every row as it was.
// FC_SEED=<n> replays a run (the default seed keeps CI stable), FC_RUNS=<n> asks for more.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb } from '../db/test-db';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import type { DB } from '../db';
import { MAX_SESSIONS_PER_DAY, parallelGroups, visitDays } from '$lib/agenda';
import type { SessionInput } from '$lib/schemas/agenda';
import { listAgenda, type AgendaItem } from './programme';
import {
	addSession,
	copyDay,
	copySessions,
	isRefusal,
	moveSession,
	placeSession,
	updateSession
} from './edits';

const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS = Number(process.env.FC_RUNS ?? 40);
const FIRST = '2030-03-04';
const LAST = '2030-03-06';
const DAYS = visitDays(FIRST, LAST);
// Targets for moves and copies: the visit's days and one on each side of it.
const TARGETS = ['2030-03-03', ...DAYS, '2030-03-07'];

const clock = (n: number) =>
	`${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const length = (s: AgendaItem) => minutes(s.endsAt) - minutes(s.startsAt);
const overlap = (a: AgendaItem, b: AgendaItem) =>
	a.day === b.day && a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const pair = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

// Half-hour slots from 06:00; a session lasts 30 minutes to 3 hours and ends by midnight.
const times = fc
	.record({ slot: fc.integer({ min: 0, max: 30 }), halves: fc.integer({ min: 1, max: 6 }) })
	.map(({ slot, halves }) => ({
		startsAt: clock(360 + slot * 30),
		endsAt: clock(360 + (slot + halves) * 30)
	}));
const day = fc.constantFrom(...DAYS);
const pick = fc.nat({ max: 60 });
const parallel = fc.boolean();

const add = fc.record({ op: fc.constant('add' as const), day, times, parallel });
const change = fc.oneof(
	add,
	fc.record({ op: fc.constant('edit' as const), pick, times, parallel }),
	fc.record({ op: fc.constant('earlier' as const), pick }),
	fc.record({ op: fc.constant('later' as const), pick }),
	fc.record({ op: fc.constant('drag' as const), pick, to: fc.nat({ max: 12 }) }),
	fc.record({ op: fc.constant('move' as const), pick, day: fc.constantFrom(...TARGETS) }),
	fc.record({ op: fc.constant('duplicate' as const), pick, day: fc.constantFrom(...TARGETS) }),
	fc.record({ op: fc.constant('copyDay' as const), from: day, to: fc.constantFrom(...TARGETS) })
);
type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

let db: DB;
let actor = 0;
let host = 0;
let visitor = 0;

beforeAll(() => {
	db = createTestDb();
	host = addOrganisation(db, 'DT');
	visitor = addOrganisation(db, 'KEOOGO');
	actor = addUser(db, 'c@keoogo.test', { memberOf: [[visitor, 'coordinator']] });
});

const input = (title: string, d: string, t: { startsAt: string; endsAt: string }) =>
	({ day: d, ...t, kind: 'meeting', title, place: '', leadName: '', notes: '' }) as SessionInput;

/** Runs one change the way the page would ask for it; what the module answered and who was typed. */
type Ran = {
	result: unknown;
	typed?: { id: number; parallel: boolean };
	/** What a copy copied: the session ids, or the day. */
	sources?: number[] | string;
};
function run(visitId: number, c: Change, rows: AgendaItem[], n: number): Ran {
	const target = rows.length ? rows[('pick' in c ? c.pick : 0) % rows.length] : undefined;
	switch (c.op) {
		case 'add': {
			const result = addSession(db, actor, visitId, input(`S${n}`, c.day, c.times), c.parallel);
			return { result, typed: { id: Number(result), parallel: c.parallel } };
		}
		case 'copyDay':
			return { result: copyDay(db, actor, visitId, c.from, c.to), sources: c.from };
	}
	if (!target) return { result: 'skipped' };
	if (c.op === 'edit') {
		const edited = input(target.title, target.day, c.times);
		const result = updateSession(db, actor, visitId, target.id, target.version, edited, c.parallel);
		return { result, typed: { id: target.id, parallel: c.parallel } };
	}
	if (c.op === 'move') return { result: moveSession(db, actor, visitId, target.id, c.day) };
	if (c.op === 'duplicate') {
		return { result: copySessions(db, actor, visitId, [target.id], c.day), sources: [target.id] };
	}
	const today = rows.filter((s) => s.day === target.day);
	let to = c.op === 'drag' ? c.to : 0;
	if (c.op !== 'drag') {
		// As the page does: « Plus tôt » / « Plus tard » send the session's block to the next one.
		const groups = parallelGroups(today);
		const g = groups.findIndex((group) => group.includes(target)) + (c.op === 'later' ? 1 : -1);
		if (g < 0 || g >= groups.length) return { result: 'skipped' };
		to = today.indexOf(groups[g][0]);
	}
	return { result: placeSession(db, actor, visitId, target.id, to) };
}

/**
 * What is wrong with an accepted change, or null. Every overlap is one somebody marked: typed
 * with the box ticked, or already there (for copies, between their sources).
 */
function problem(
	before: AgendaItem[],
	after: AgendaItem[],
	marked: Set<string>,
	copiedFrom: Map<number, number>,
	typed?: { id: number; parallel: boolean }
): string | null {
	const was = new Map(before.map((s) => [s.id, s]));
	const origin = (s: AgendaItem) => copiedFrom.get(s.id) ?? s.id;
	for (const s of after) {
		const old = was.get(origin(s));
		if (old && s.id !== typed?.id && length(s) !== length(old)) return `${s.title}: new length`;
		const moved = !was.has(s.id) || was.get(s.id)!.day !== s.day;
		if (moved && !DAYS.includes(s.day)) return `${s.title}: outside, on ${s.day}`;
		if (s.endsAt > '24:00' || s.startsAt >= s.endsAt)
			return `${s.title}: ${s.startsAt}-${s.endsAt}`;
	}
	for (const d of new Set(after.map((s) => s.day))) {
		if (after.filter((s) => s.day === d).length > MAX_SESSIONS_PER_DAY) return `${d}: over the cap`;
	}
	for (const [i, a] of after.entries()) {
		for (const b of after.slice(i + 1)) {
			if (!overlap(a, b)) continue;
			const flagged = typed?.parallel && (a.id === typed.id || b.id === typed.id);
			const kept = origin(a) !== origin(b) && marked.has(pair(origin(a), origin(b)));
			if (!flagged && !kept) return `${a.title} ${a.startsAt} over ${b.title} ${b.startsAt}`;
		}
	}
	return null;
}

describe('every change to a programme', () => {
	it('leaves a valid programme or, refused, leaves every row as it was', () => {
		fc.assert(
			fc.property(
				fc.array(add, { minLength: 3, maxLength: 12 }),
				fc.array(change, { minLength: 5, maxLength: 20 }),
				(start, changes) => {
					const visitId = addVisit(db, {
						status: 'confirmed',
						startsOn: FIRST,
						endsOn: LAST,
						timeZone: 'Africa/Ouagadougou',
						organisations: [
							[host, 'host'],
							[visitor, 'visitor']
						]
					});
					// Overlaps that exist were marked when they were made: the model of the flag.
					let marked = new Set<string>();
					for (const [n, c] of [...start, ...changes].entries()) {
						const before = listAgenda(db, visitId);
						const { result, typed, sources } = run(visitId, c, before, n);
						const after = listAgenda(db, visitId);
						if (result === 'skipped') continue;
						if (isRefusal(result)) {
							// Compared whole: ids, times, positions, versions, update stamps.
							if (JSON.stringify(after) !== JSON.stringify(before))
								expect(after, `${c.op} refused (${result.reason})`).toEqual(before);
							continue;
						}
						if (result === 'not_found' || result === 'stale') expect.fail(`${c.op}: ${result}`);
						const copiedFrom = new Map<number, number>();
						if (Array.isArray(result)) {
							const ids = Array.isArray(sources)
								? sources
								: before.filter((s) => s.day === sources).map((s) => s.id);
							result.forEach((id, i) => copiedFrom.set(id, ids[i]));
						}
						const wrong = problem(before, after, marked, copiedFrom, typed);
						if (wrong) expect.fail(`after ${c.op} (change ${n}): ${wrong}`);
						marked = new Set(
							after.flatMap((a, i) =>
								after
									.slice(i + 1)
									.filter((b) => overlap(a, b))
									.map((b) => pair(a.id, b.id))
							)
						);
					}
				}
			),
			{ seed: SEED, numRuns: RUNS }
		);
		// A few seconds alone; the margin is for a machine busy with other work.
	}, 30_000);
});
