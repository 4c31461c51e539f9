import { describe, expect, it } from 'vitest';
import { can, type Actor, type VisitTarget } from './';

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
	['network.view', (a) => can(a, 'network.view'), [N, Y, Y, Y, Y]],
	['admin.view', (a) => can(a, 'admin.view'), [N, N, N, Y, Y]],
	['outbox.read', (a) => can(a, 'outbox.read'), [N, N, N, Y, Y]],
	['user.manage', (a) => can(a, 'user.manage'), [N, N, N, Y, Y]],
	['invitation.list', (a) => can(a, 'invitation.list'), [N, N, Y, Y, Y]],
	['offer to propose a visit', (a) => can(a, 'visit.propose'), [N, N, Y, Y, Y]],
	['organisation.manage', (a) => can(a, 'organisation.manage'), [N, N, N, Y, Y]],
	['theme.manage', (a) => can(a, 'theme.manage'), [N, N, N, Y, Y]],
	['audit.read', (a) => can(a, 'audit.read'), [N, N, N, Y, Y]],
	['evaluation.template', (a) => can(a, 'evaluation.template'), [N, N, N, Y, Y]],
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
	],
	['read an organisation profile', (a) => can(a, 'organisation.read'), [N, Y, Y, Y, Y]],
	['find a peer', (a) => can(a, 'peer.find'), [N, Y, Y, Y, Y]],
	["see coordinators' e-mail addresses", (a) => can(a, 'organisation.contacts'), [N, Y, Y, Y, Y]],
	[
		"edit own organisation's practices and wishes",
		(a) => can(a, 'profile.edit', { organisationId: KEOOGO }),
		[N, N, Y, Y, Y]
	],
	[
		"edit another organisation's practices and wishes",
		(a) => can(a, 'profile.edit', { organisationId: DT }),
		[N, N, N, Y, Y]
	],
	[
		"see own organisation's evaluation summary",
		(a) => can(a, 'profile.evaluations', { organisationId: KEOOGO }),
		[N, Y, Y, Y, Y]
	],
	[
		"see another organisation's evaluation summary",
		(a) => can(a, 'profile.evaluations', { organisationId: DT }),
		[N, N, N, Y, Y]
	],
	['see suggested exchanges', (a) => can(a, 'peer.suggestions'), [N, N, N, Y, Y]]
];

describe('contacts on profiles', () => {
	it('a signed-in account that belongs to no organisation sees no e-mail addresses', () => {
		expect(can({ id: 9, globalRole: 'member', memberships: [] }, 'organisation.contacts')).toBe(
			false
		);
	});
});

describe('policy matrix', () => {
	for (const [name, decide, expected] of matrix) {
		it(name, () => {
			const answers = Object.fromEntries(ROLES.map((r) => [r, decide(actors[r])]));
			expect(answers).toEqual(Object.fromEntries(ROLES.map((r, i) => [r, expected[i]])));
		});
	}
});

describe('visit rules: every transition × role', () => {
	const RACINES = 3;
	const who: Record<string, Actor> = {
		anonymous: null,
		'KEOOGO member': {
			id: 1,
			globalRole: 'member',
			memberships: [{ organisationId: KEOOGO, role: 'member' }]
		},
		'KEOOGO coordinator': {
			id: 2,
			globalRole: 'member',
			memberships: [{ organisationId: KEOOGO, role: 'coordinator' }]
		},
		'DT coordinator': {
			id: 5,
			globalRole: 'member',
			memberships: [{ organisationId: DT, role: 'coordinator' }]
		},
		'unrelated coordinator': {
			id: 6,
			globalRole: 'member',
			memberships: [{ organisationId: RACINES, role: 'coordinator' }]
		},
		staff: { id: 3, globalRole: 'staff' }
	};
	// KEOOGO proposes to visit Dispensaire Trottoir (the host).
	const visit = (status: VisitTarget['status']): VisitTarget => ({
		kind: 'exchange',
		status,
		hostOrganisationId: DT,
		proposerOrganisationId: KEOOGO,
		// Long begun: completing it is a matter of who, not of when (see "completing" below).
		startsOn: '2024-10-28',
		timeZone: 'Africa/Casablanca',
		participants: [
			{
				organisationId: DT,
				role: 'host',
				response: status === 'proposed' ? 'invited' : 'accepted'
			},
			{ organisationId: KEOOGO, role: 'visitor', response: 'accepted' }
		]
	});
	const withResponse = (
		v: VisitTarget,
		organisationId: number,
		response: VisitTarget['participants'][number]['response']
	): VisitTarget => ({
		...v,
		participants: v.participants.map((p) =>
			p.organisationId === organisationId ? { ...p, response } : p
		)
	});
	/** A KEOOGO delegate without an account. */
	const keoogoDelegate = { organisationId: KEOOGO, userId: null };
	// Columns: anonymous, KEOOGO member, KEOOGO coordinator, DT coordinator, unrelated coordinator, staff.
	const rows: [string, (a: Actor) => boolean, boolean[]][] = [
		[
			'create a visit for KEOOGO',
			(a) => can(a, 'visit.create', { organisationId: KEOOGO }),
			[N, N, Y, N, N, Y]
		],
		[
			'answer again for DT once the visit is accepted',
			(a) => can(a, 'visit.answer', { visit: visit('accepted'), organisationId: DT }),
			[N, N, N, N, N, N]
		],
		[
			'propose other dates for DT',
			(a) => can(a, 'visit.proposeDates', { visit: visit('proposed'), organisationId: DT }),
			[N, N, N, Y, N, Y]
		],
		[
			'cancel a meeting one is only invited to',
			(a) =>
				can(a, 'visit.transition', {
					visit: { ...visit('accepted'), kind: 'meeting', proposerOrganisationId: DT },
					transition: 'cancel'
				}),
			[N, N, N, Y, N, Y]
		],
		[
			'edit a proposal DT has not answered yet',
			(a) => can(a, 'visit.edit', visit('proposed')),
			[N, N, Y, N, N, Y]
		],
		['delete the draft', (a) => can(a, 'visit.deleteDraft', visit('draft')), [N, N, Y, N, N, Y]],
		[
			'delete a sent proposal',
			(a) => can(a, 'visit.deleteDraft', visit('proposed')),
			[N, N, N, N, N, N]
		],
		[
			'manage delegates of an organisation that declined',
			(a) =>
				can(a, 'delegate.manage', {
					visit: {
						...visit('accepted'),
						participants: [
							{ organisationId: DT, role: 'host', response: 'accepted' },
							{ organisationId: KEOOGO, role: 'visitor', response: 'declined' }
						]
					},
					organisationId: KEOOGO
				}),
			[N, N, N, N, N, N]
		],
		['edit the programme', (a) => can(a, 'agenda.edit', visit('confirmed')), [N, N, Y, Y, N, Y]],
		[
			'edit the programme of a completed visit',
			(a) => can(a, 'agenda.edit', visit('completed')),
			[N, N, N, N, N, N]
		],
		['see the draft', (a) => can(a, 'visit.see', visit('draft')), [N, Y, Y, N, N, Y]],
		// Staff without a membership: their feed would otherwise hold the whole network.
		[
			'have it in one’s feed',
			(a) => can(a, 'calendar.feed', visit('confirmed')),
			[N, Y, Y, Y, N, N]
		],
		[
			'have a proposal not answered yet in one’s feed',
			(a) => can(a, 'calendar.feed', visit('proposed')),
			[N, Y, Y, Y, N, N]
		],
		[
			'have a draft in one’s feed',
			(a) => can(a, 'calendar.feed', visit('draft')),
			[N, N, N, N, N, N]
		],
		[
			'have a cancelled visit in one’s feed',
			(a) => can(a, 'calendar.feed', visit('cancelled')),
			[N, N, N, N, N, N]
		],
		[
			'have it in one’s feed once one’s organisation declined',
			(a) =>
				can(a, 'calendar.feed', {
					...visit('accepted'),
					participants: [
						{ organisationId: DT, role: 'host', response: 'accepted' },
						{ organisationId: KEOOGO, role: 'visitor', response: 'declined' }
					]
				}),
			[N, N, N, Y, N, N]
		],
		['see a sent proposal', (a) => can(a, 'visit.see', visit('proposed')), [N, Y, Y, Y, Y, Y]],
		// The offline kit's "Keep for offline use": one's own organisations' visits still ahead.
		[
			'keep a confirmed visit for offline use',
			(a) => can(a, 'visit.keepOffline', visit('confirmed')),
			[N, Y, Y, Y, N, N]
		],
		[
			'keep a completed visit for offline use',
			(a) => can(a, 'visit.keepOffline', visit('completed')),
			[N, N, N, N, N, N]
		],
		[
			'keep a visit for offline use once one’s organisation declined',
			(a) =>
				can(a, 'visit.keepOffline', {
					...visit('accepted'),
					participants: [
						{ organisationId: DT, role: 'host', response: 'accepted' },
						{ organisationId: KEOOGO, role: 'visitor', response: 'declined' }
					]
				}),
			[N, N, N, Y, N, N]
		],
		[
			'send the draft',
			(a) => can(a, 'visit.transition', { visit: visit('draft'), transition: 'send' }),
			[N, N, Y, N, N, Y]
		],
		[
			'answer for DT',
			(a) => can(a, 'visit.answer', { visit: visit('proposed'), organisationId: DT }),
			[N, N, N, Y, N, Y]
		],
		[
			'answer for KEOOGO (the proposer)',
			(a) => can(a, 'visit.answer', { visit: visit('proposed'), organisationId: KEOOGO }),
			[N, N, N, N, N, N]
		],
		[
			'answer dates DT put forward',
			(a) => can(a, 'visit.answerDates', { visit: visit('proposed'), proposedBy: DT }),
			[N, N, Y, N, N, Y]
		],
		['edit details', (a) => can(a, 'visit.edit', visit('accepted')), [N, N, Y, Y, N, Y]],
		['edit a closed visit', (a) => can(a, 'visit.edit', visit('closed')), [N, N, N, N, N, N]],
		[
			'confirm',
			(a) => can(a, 'visit.transition', { visit: visit('accepted'), transition: 'confirm' }),
			[N, N, N, Y, N, Y]
		],
		[
			'confirm a proposal not yet accepted',
			(a) => can(a, 'visit.transition', { visit: visit('proposed'), transition: 'confirm' }),
			[N, N, N, N, N, N]
		],
		[
			'complete',
			(a) => can(a, 'visit.transition', { visit: visit('confirmed'), transition: 'complete' }),
			[N, N, Y, Y, N, Y]
		],
		[
			'close',
			(a) => can(a, 'visit.transition', { visit: visit('completed'), transition: 'close' }),
			[N, N, N, Y, N, Y]
		],
		[
			'cancel',
			(a) => can(a, 'visit.transition', { visit: visit('confirmed'), transition: 'cancel' }),
			[N, N, Y, Y, N, Y]
		],
		[
			'complete a visit whose first day has not come',
			(a) =>
				can(a, 'visit.transition', {
					visit: { ...visit('confirmed'), startsOn: '2999-01-04' },
					transition: 'complete'
				}),
			[N, N, N, N, N, N]
		],
		[
			'reopen a completed visit',
			(a) => can(a, 'visit.transition', { visit: visit('completed'), transition: 'reopen' }),
			[N, N, N, N, N, Y]
		],
		[
			'reopen a closed visit',
			(a) => can(a, 'visit.transition', { visit: visit('closed'), transition: 'reopen' }),
			[N, N, N, N, N, Y]
		],
		[
			'reopen a visit that goes ahead',
			(a) => can(a, 'visit.transition', { visit: visit('confirmed'), transition: 'reopen' }),
			[N, N, N, N, N, N]
		],
		[
			'cancel a completed visit',
			(a) => can(a, 'visit.transition', { visit: visit('completed'), transition: 'cancel' }),
			[N, N, N, N, N, N]
		],
		[
			'manage KEOOGO delegates',
			(a) => can(a, 'delegate.manage', { visit: visit('accepted'), organisationId: KEOOGO }),
			[N, N, Y, N, N, Y]
		],
		[
			'record a lesson learned by KEOOGO',
			(a) => can(a, 'lesson.create', { visit: visit('completed'), organisationId: KEOOGO }),
			[N, Y, Y, N, N, Y]
		],
		[
			'record a lesson before the visit is agreed',
			(a) => can(a, 'lesson.create', { visit: visit('proposed'), organisationId: KEOOGO }),
			[N, N, N, N, N, N]
		],
		[
			'read a participants-only lesson',
			(a) => can(a, 'lesson.see', { visit: visit('completed'), visibility: 'participants' }),
			[N, Y, Y, Y, N, Y]
		],
		[
			'read a network lesson',
			(a) => can(a, 'lesson.see', { visit: visit('completed'), visibility: 'network' }),
			[N, Y, Y, Y, Y, Y]
		],
		[
			'give KEOOGO an action',
			(a) => can(a, 'action.create', { visit: visit('completed'), organisationId: KEOOGO }),
			[N, N, Y, N, N, Y]
		],
		[
			'give an action to an organisation not taking part',
			(a) => can(a, 'action.create', { visit: visit('completed'), organisationId: RACINES }),
			[N, N, N, N, N, N]
		],
		[
			"post progress on KEOOGO's action",
			(a) => can(a, 'action.update', { ownerOrganisationId: KEOOGO, ownerUserId: null }),
			[N, Y, Y, N, N, Y]
		],
		[
			"post progress on DT's action assigned to the KEOOGO member",
			(a) => can(a, 'action.update', { ownerOrganisationId: DT, ownerUserId: 1 }),
			[N, Y, N, Y, N, Y]
		],
		[
			"edit KEOOGO's action",
			(a) => can(a, 'action.edit', { ownerOrganisationId: KEOOGO, ownerUserId: null }),
			[N, N, Y, N, N, Y]
		],
		[
			'edit a KEOOGO lesson the KEOOGO member wrote',
			(a) => can(a, 'lesson.edit', { organisationId: KEOOGO, authorId: 1 }),
			[N, Y, Y, N, N, Y]
		],
		[
			'delete a KEOOGO lesson someone else wrote',
			(a) => can(a, 'lesson.delete', { organisationId: KEOOGO, authorId: 99 }),
			[N, N, Y, N, N, Y]
		],
		[
			'attach a document to a KEOOGO lesson',
			(a) => can(a, 'lesson.attach', { visit: visit('completed'), organisationId: KEOOGO }),
			[N, Y, Y, N, N, Y]
		],
		[
			'delete a document the KEOOGO member uploaded on a KEOOGO lesson',
			(a) => can(a, 'attachment.delete', { organisationId: KEOOGO, uploadedById: 1 }),
			[N, Y, Y, N, N, Y]
		],
		[
			'delete a document the DT coordinator uploaded on a KEOOGO lesson',
			(a) => can(a, 'attachment.delete', { organisationId: KEOOGO, uploadedById: 5 }),
			[N, N, Y, Y, N, Y]
		],
		['see the dashboard', (a) => can(a, 'dashboard.view'), [N, N, N, N, N, Y]],
		[
			'open the evaluation of a completed visit',
			(a) => can(a, 'evaluation.open', visit('completed')),
			[N, N, Y, Y, N, Y]
		],
		[
			'open the evaluation early (confirmed)',
			(a) => can(a, 'evaluation.open', visit('confirmed')),
			[N, N, Y, Y, N, Y]
		],
		[
			'open the evaluation of a proposal',
			(a) => can(a, 'evaluation.open', visit('proposed')),
			[N, N, N, N, N, N]
		],
		[
			'open the evaluation of a cancelled visit',
			(a) => can(a, 'evaluation.open', visit('cancelled')),
			[N, N, N, N, N, N]
		],
		[
			'remind and resend evaluation links',
			(a) => can(a, 'evaluation.manage', visit('closed')),
			[N, N, Y, Y, N, Y]
		],
		[
			'read the evaluation results',
			(a) => can(a, 'evaluation.results', visit('completed')),
			[N, Y, Y, Y, N, Y]
		],
		[
			'read the evaluation results once one’s organisation declined',
			(a) =>
				can(a, 'evaluation.results', {
					...visit('completed'),
					participants: [
						{ organisationId: DT, role: 'host', response: 'accepted' },
						{ organisationId: KEOOGO, role: 'visitor', response: 'declined' }
					]
				}),
			[N, N, N, Y, N, Y]
		],
		[
			'compare evaluations across the network',
			(a) => can(a, 'evaluation.compare'),
			[N, N, N, N, N, Y]
		],
		[
			'read the details of a KEOOGO delegate',
			(a) => can(a, 'delegate.readDetails', { visit: visit('accepted'), delegate: keoogoDelegate }),
			[N, N, Y, Y, N, Y]
		],
		[
			'read one’s own details as a delegate',
			(a) =>
				can(a, 'delegate.readDetails', {
					visit: visit('accepted'),
					delegate: { organisationId: KEOOGO, userId: 1 }
				}),
			[N, Y, Y, Y, N, Y]
		],
		[
			'read the details while the host has not answered yet',
			(a) => can(a, 'delegate.readDetails', { visit: visit('proposed'), delegate: keoogoDelegate }),
			[N, N, Y, Y, N, Y]
		],
		[
			'read the details once the host declined',
			(a) =>
				can(a, 'delegate.readDetails', {
					visit: withResponse(visit('proposed'), DT, 'declined'),
					delegate: keoogoDelegate
				}),
			[N, N, Y, N, N, Y]
		],
		[
			'read one’s own organisation’s delegate after it declined',
			(a) =>
				can(a, 'delegate.readDetails', {
					visit: withResponse(visit('proposed'), KEOOGO, 'declined'),
					delegate: keoogoDelegate
				}),
			[N, N, Y, Y, N, Y]
		],
		[
			'read every delegate of the visit (counts over the whole delegation)',
			(a) => can(a, 'delegate.readDetails', { visit: visit('accepted') }),
			[N, N, Y, Y, N, Y]
		],
		[
			'manage delegates of an organisation not taking part',
			(a) => can(a, 'delegate.manage', { visit: visit('accepted'), organisationId: RACINES }),
			[N, N, N, N, N, N]
		]
	];
	it.each(rows)('%s', (_name, ask, expected) => {
		expect(Object.values(who).map(ask)).toEqual(expected);
	});
});

describe('completing a visit waits for its first day, where it takes place', () => {
	const staff: Actor = { id: 3, globalRole: 'staff' };
	const inAuckland: VisitTarget = {
		kind: 'exchange',
		status: 'confirmed',
		hostOrganisationId: DT,
		proposerOrganisationId: KEOOGO,
		startsOn: '2026-03-10',
		timeZone: 'Pacific/Auckland',
		participants: []
	};
	const complete = (visit: VisitTarget, now: string) =>
		can(staff, 'visit.transition', { visit, transition: 'complete', now: new Date(now) });

	it('is refused the day before the first day and allowed on it', () => {
		// 10:59 UTC on 9 March is 23:59 on 9 March in Auckland (UTC+13): not yet.
		expect(complete(inAuckland, '2026-03-09T10:59:00Z')).toBe(false);
		// A minute later it is 10 March there, though still 9 March in UTC.
		expect(complete(inAuckland, '2026-03-09T11:00:00Z')).toBe(true);
	});

	it('reads the day in the visit’s own time zone, not UTC', () => {
		const inUtc = { ...inAuckland, timeZone: 'UTC' };
		expect(complete(inUtc, '2026-03-09T11:00:00Z')).toBe(false);
		expect(complete(inUtc, '2026-03-10T00:00:00Z')).toBe(true);
	});

	it('is refused when the dates are not known', () => {
		const { startsOn: _s, ...undated } = inAuckland;
		expect(complete(undated, '2030-01-01T00:00:00Z')).toBe(false);
	});
});
