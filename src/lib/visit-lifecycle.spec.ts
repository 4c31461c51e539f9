import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES } from './enums';
import {
	ACCEPTS_EVALUATIONS,
	ACCEPTS_LESSONS,
	AGREED,
	ANSWERABLE,
	ANSWERS,
	DELEGATION_EDITABLE,
	GOING_AHEAD,
	IN_CALENDAR_FEEDS,
	PROGRAMME_EDITABLE,
	TOOK_PLACE,
	TRANSITION_NAMES,
	TRANSITIONS,
	UPCOMING,
	WILL_NOT_HAPPEN,
	canMove,
	hasBegun,
	nextStatus,
	unmet,
	type Answer
} from './visit-lifecycle';

describe('the visit lifecycle graph', () => {
	// Every (status, move) pair: the whole state machine in one table.
	const allowed: Record<string, string[]> = {
		draft: ['send'],
		proposed: ['cancel'],
		accepted: ['confirm', 'complete', 'cancel'],
		confirmed: ['complete', 'cancel'],
		completed: ['close', 'reopen'],
		closed: ['reopen'],
		declined: [],
		cancelled: []
	};
	it.each(VISIT_STATUSES)('from %s', (status) => {
		expect(TRANSITION_NAMES.filter((t) => canMove(status, t))).toEqual(allowed[status]);
	});

	it('leads every move to the status the design names, and never out of a called-off visit', () => {
		expect(Object.fromEntries(TRANSITION_NAMES.map((t) => [t, TRANSITIONS[t].to]))).toEqual({
			send: 'proposed',
			confirm: 'confirmed',
			complete: 'completed',
			close: 'closed',
			cancel: 'cancelled',
			reopen: { completed: 'confirmed', closed: 'completed' }
		});
		for (const end of WILL_NOT_HAPPEN) {
			expect(TRANSITION_NAMES.some((t) => canMove(end, t))).toBe(false);
		}
	});

	it('reopens one step back, and only what was completed or closed', () => {
		expect(nextStatus('completed', 'reopen')).toBe('confirmed');
		expect(nextStatus('closed', 'reopen')).toBe('completed');
		expect(nextStatus('confirmed', 'reopen')).toBeUndefined();
		expect(TRANSITIONS.reopen.owner).toBe('staff');
		expect(TRANSITIONS.reopen.reason).toBe(true);
	});
});

describe('what a move asks for', () => {
	it('asks for confirmation before every move that ends something, and only those', () => {
		const ending = [...TRANSITION_NAMES, ...(Object.keys(ANSWERS) as Answer[])].filter(
			(t) => ({ ...TRANSITIONS, ...ANSWERS })[t].ends
		);
		expect(ending).toEqual(['complete', 'close', 'cancel', 'decline']);
		expect(unmet(TRANSITIONS.close, {})).toEqual(['confirmation']);
		expect(unmet(TRANSITIONS.close, { confirmed: true })).toEqual([]);
		expect(unmet(TRANSITIONS.cancel, { confirmed: true, reason: '  ' })).toEqual(['reason']);
		expect(unmet(ANSWERS.decline, { reason: 'Pas cette année' })).toEqual(['confirmation']);
		expect(unmet(TRANSITIONS.confirm, {})).toEqual([]);
	});

	it('completes only a visit that has begun', () => {
		expect(unmet(TRANSITIONS.complete, { confirmed: true })).toEqual(['begun']);
		expect(unmet(TRANSITIONS.complete, { confirmed: true, begun: true })).toEqual([]);
		const visit = { startsOn: '2026-03-10', timeZone: 'Pacific/Auckland' };
		expect(hasBegun(visit, new Date('2026-03-09T10:59:00Z'))).toBe(false);
		expect(hasBegun(visit, new Date('2026-03-09T11:00:00Z'))).toBe(true);
	});
});

describe('the named sets', () => {
	it('keep the statuses each rule has always used', () => {
		expect(PROGRAMME_EDITABLE).toEqual(['draft', 'proposed', 'accepted', 'confirmed']);
		expect(DELEGATION_EDITABLE).toEqual(PROGRAMME_EDITABLE);
		expect(ANSWERABLE).toEqual(['proposed', 'accepted', 'confirmed']);
		expect(UPCOMING).toEqual(['proposed', 'accepted', 'confirmed']);
		expect(IN_CALENDAR_FEEDS).toEqual(['proposed', 'accepted', 'confirmed', 'completed', 'closed']);
		expect(ACCEPTS_LESSONS).toEqual(['accepted', 'confirmed', 'completed', 'closed']);
		expect(ACCEPTS_EVALUATIONS).toEqual(ACCEPTS_LESSONS);
		expect(AGREED).toEqual(ACCEPTS_LESSONS);
		expect(GOING_AHEAD).toEqual(['accepted', 'confirmed']);
		expect(TOOK_PLACE).toEqual(['completed', 'closed']);
		expect(WILL_NOT_HAPPEN).toEqual(['declined', 'cancelled']);
	});
});
