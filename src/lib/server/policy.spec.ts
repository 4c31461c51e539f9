import { describe, expect, it } from 'vitest';
import { can, type Actor } from './policy';

const KEOOGO = 1;
const DT = 2;

const actors: Record<string, Actor> = {
	anonymous: null,
	member: {
		id: 1,
		globalRole: 'member',
		memberships: [{ organisationId: KEOOGO, role: 'member' }]
	},
	coordinator: {
		id: 2,
		globalRole: 'member',
		memberships: [{ organisationId: KEOOGO, role: 'coordinator' }]
	},
	staff: { id: 3, globalRole: 'staff' },
	admin: { id: 4, globalRole: 'admin' }
};
const ROLES = Object.keys(actors);

/** Expected answers in the order of ROLES: anonymous, member, coordinator, staff, admin. */
type Row = [string, (actor: Actor) => boolean, boolean[]];
const Y = true;
const N = false;

const matrix: Row[] = [
	['visit.list', (a) => can(a, 'visit.list'), [N, Y, Y, Y, Y]],
	['visit.read', (a) => can(a, 'visit.read'), [N, Y, Y, Y, Y]],
	['organisation.list', (a) => can(a, 'organisation.list'), [N, Y, Y, Y, Y]],
	['lesson.list', (a) => can(a, 'lesson.list'), [N, Y, Y, Y, Y]],
	['action.list', (a) => can(a, 'action.list'), [N, Y, Y, Y, Y]],
	['admin.view', (a) => can(a, 'admin.view'), [N, N, N, Y, Y]],
	['outbox.read', (a) => can(a, 'outbox.read'), [N, N, N, Y, Y]],
	['user.manage', (a) => can(a, 'user.manage'), [N, N, N, Y, Y]],
	['invitation.list', (a) => can(a, 'invitation.list'), [N, N, Y, Y, Y]],
	['organisation.manage', (a) => can(a, 'organisation.manage'), [N, N, N, Y, Y]],
	['theme.manage', (a) => can(a, 'theme.manage'), [N, N, N, Y, Y]],
	['audit.read', (a) => can(a, 'audit.read'), [N, N, N, Y, Y]],
	[
		'make a member staff',
		(a) => can(a, 'user.grant', { globalRole: 'staff', currentRole: 'member' }),
		[N, N, N, Y, Y]
	],
	[
		'make someone admin',
		(a) => can(a, 'user.grant', { globalRole: 'admin', currentRole: 'staff' }),
		[N, N, N, N, Y]
	],
	[
		'demote an admin',
		(a) => can(a, 'user.grant', { globalRole: 'member', currentRole: 'admin' }),
		[N, N, N, N, Y]
	],
	[
		'invite a member into own organisation',
		(a) =>
			can(a, 'invitation.create', { organisationId: KEOOGO, role: 'member', globalRole: 'member' }),
		[N, N, Y, Y, Y]
	],
	[
		'invite a coordinator into own organisation',
		(a) =>
			can(a, 'invitation.create', {
				organisationId: KEOOGO,
				role: 'coordinator',
				globalRole: 'member'
			}),
		[N, N, N, Y, Y]
	],
	[
		'invite a member into another organisation',
		(a) =>
			can(a, 'invitation.create', { organisationId: DT, role: 'member', globalRole: 'member' }),
		[N, N, N, Y, Y]
	],
	[
		'grant staff',
		(a) =>
			can(a, 'invitation.create', { organisationId: KEOOGO, role: 'member', globalRole: 'staff' }),
		[N, N, N, Y, Y]
	],
	[
		'grant admin',
		(a) =>
			can(a, 'invitation.create', { organisationId: KEOOGO, role: 'member', globalRole: 'admin' }),
		[N, N, N, N, Y]
	],
	[
		'revoke or resend an invitation of own organisation',
		(a) => can(a, 'invitation.manage', { organisationId: KEOOGO }),
		[N, N, Y, Y, Y]
	],
	[
		"revoke or resend another organisation's invitation",
		(a) => can(a, 'invitation.manage', { organisationId: DT }),
		[N, N, N, Y, Y]
	]
];

describe('policy matrix', () => {
	for (const [name, decide, expected] of matrix) {
		it(name, () => {
			const answers = Object.fromEntries(ROLES.map((r) => [r, decide(actors[r])]));
			expect(answers).toEqual(Object.fromEntries(ROLES.map((r, i) => [r, expected[i]])));
		});
	}
});
