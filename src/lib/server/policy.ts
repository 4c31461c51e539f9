// Who may do what: the one place the rules of DESIGN.md "Who may do what" live. Loads and actions
// ask `can()`; they never compare roles themselves.
import type { SessionUser } from './auth/session';

export type Actor = Pick<SessionUser, 'id' | 'globalRole'> | null;

export type Action =
	'visit.list' | 'visit.read' | 'organisation.list' | 'lesson.list' | 'action.list' | 'admin.view';

export function isStaff(actor: Actor): boolean {
	return actor?.globalRole === 'admin' || actor?.globalRole === 'staff';
}

export function can(actor: Actor, action: Action): boolean {
	if (!actor) return false;
	switch (action) {
		// The network shares knowledge: every signed-in user reads visits and the directory.
		case 'visit.list':
		case 'visit.read':
		case 'organisation.list':
		case 'lesson.list':
		case 'action.list':
			return true;
		case 'admin.view':
			return isStaff(actor);
	}
}
