// Who may do what: the one place the rules of DESIGN.md "Who may do what" live. Loads and actions
// ask `can()`; they never compare roles themselves.
import type { GlobalRole, MembershipRole } from '$lib/enums';

export type Actor = {
	id: number;
	globalRole: GlobalRole;
	/** Needed for rules about one's own organisations; absent means "none". */
	memberships?: { organisationId: number; role: MembershipRole }[];
} | null;

type InvitationTarget = {
	organisationId: number | null;
	role: MembershipRole | null;
	globalRole: GlobalRole;
};

type Rules = {
	'visit.list': undefined;
	'visit.read': undefined;
	'organisation.list': undefined;
	'lesson.list': undefined;
	'action.list': undefined;
	'admin.view': undefined;
	'outbox.read': undefined;
	/** Disable or re-enable accounts. */
	'user.manage': undefined;
	/** Opening the invitations page at all: staff, or a coordinator of some organisation. */
	'invitation.list': undefined;
	'invitation.create': InvitationTarget;
	/** Revoke or resend an invitation into this organisation. */
	'invitation.manage': { organisationId: number | null };
};
export type Action = keyof Rules;
/** Actions that need no target record. */
export type PlainAction = { [K in Action]: Rules[K] extends undefined ? K : never }[Action];

export function isStaff(actor: Actor): boolean {
	return actor?.globalRole === 'admin' || actor?.globalRole === 'staff';
}

export function coordinates(actor: Actor, organisationId: number | null): boolean {
	return !!actor?.memberships?.some(
		(m) => m.organisationId === organisationId && m.role === 'coordinator'
	);
}

export function can<A extends Action>(
	actor: Actor,
	action: A,
	...[target]: Rules[A] extends undefined ? [] : [Rules[A]]
): boolean {
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
		case 'outbox.read':
		case 'user.manage':
			return isStaff(actor);
		case 'invitation.list':
			return isStaff(actor) || !!actor.memberships?.some((m) => m.role === 'coordinator');
		case 'invitation.create': {
			const t = target as InvitationTarget;
			// Only an admin makes another admin; staff may grant staff.
			if (t.globalRole === 'admin') return actor.globalRole === 'admin';
			if (isStaff(actor)) return t.organisationId !== null;
			return (
				t.globalRole === 'member' && t.role === 'member' && coordinates(actor, t.organisationId)
			);
		}
		case 'invitation.manage': {
			const t = target as Rules['invitation.manage'];
			return isStaff(actor) || coordinates(actor, t.organisationId);
		}
	}
	return false;
}
