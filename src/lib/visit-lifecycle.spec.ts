import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES } from './enums';
import { TRANSITION_NAMES, TRANSITIONS, canMove } from './visit-lifecycle';

describe('the visit lifecycle graph', () => {
	// Every (status, move) pair: the whole state machine in one table.
	const allowed: Record<string, string[]> = {
		draft: ['send'],
		proposed: ['cancel'],
		accepted: ['confirm', 'complete', 'cancel'],
		confirmed: ['complete', 'cancel'],
		completed: ['close'],
		closed: [],
		declined: [],
		cancelled: []
	};
	it.each(VISIT_STATUSES)('from %s', (status) => {
		expect(TRANSITION_NAMES.filter((t) => canMove(status, t))).toEqual(allowed[status]);
	});

	it('leads every move to the status the design names, and never out of a closed end', () => {
		expect(Object.fromEntries(TRANSITION_NAMES.map((t) => [t, TRANSITIONS[t].to]))).toEqual({
			send: 'proposed',
			confirm: 'confirmed',
			complete: 'completed',
			close: 'closed',
			cancel: 'cancelled'
		});
		for (const end of ['closed', 'declined', 'cancelled'] as const) {
			expect(TRANSITION_NAMES.some((t) => canMove(end, t))).toBe(false);
		}
	});
});
