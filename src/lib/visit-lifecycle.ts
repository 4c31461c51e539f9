// The visit lifecycle (DESIGN.md "Visit status"): which move leads from which status to which.
// Who may make a move is the policy's business; this is only the graph, shared with the UI.
import type { VisitStatus } from './enums';

export const TRANSITIONS = {
	send: { from: ['draft'], to: 'proposed' },
	confirm: { from: ['accepted'], to: 'confirmed' },
	complete: { from: ['accepted', 'confirmed'], to: 'completed' },
	close: { from: ['completed'], to: 'closed' },
	// A draft is deleted, not cancelled: nobody else knew of it.
	cancel: { from: ['proposed', 'accepted', 'confirmed'], to: 'cancelled' }
} as const satisfies Record<string, { from: readonly VisitStatus[]; to: VisitStatus }>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

export function canMove(status: VisitStatus, transition: Transition): boolean {
	return (TRANSITIONS[transition].from as readonly VisitStatus[]).includes(status);
}

/** Statuses in which a visit's details may still change. */
export const EDITABLE_STATUSES: readonly VisitStatus[] = [
	'draft',
	'proposed',
	'accepted',
	'confirmed'
];
/** Statuses in which invited organisations may still answer. */
export const ANSWERABLE_STATUSES: readonly VisitStatus[] = ['proposed', 'accepted', 'confirmed'];
