import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { can, coordinatedOrganisations } from '$lib/server/policy';
import { GLOBAL_ROLES, MEMBERSHIP_ROLES, type GlobalRole, type MembershipRole } from '$lib/enums';
import { findUserByEmail } from '$lib/server/accounts/users';
import { activeOrganisations } from '$lib/server/organisations/directory';
import {
	createInvitation,
	getInvitation,
	listPendingInvitations,
	resendInvitation,
	revokeInvitation
} from '$lib/server/accounts/invitations';
import { newInvitationSchema } from '$lib/schemas/invitation';
import type { FieldErrors } from '$lib/schemas/common';
import { readForm } from '$lib/server/http/forms';

type Field = 'email' | 'organisationId' | 'role' | 'globalRole';

const actor = (event: RequestEvent) => authorize(event, 'invitation.list');

export const load: PageServerLoad = (event) => {
	const me = actor(event);
	const db = getDb();
	// What the form offers is what the policy would accept: asked for each choice.
	const offer = (organisationId: number, role: MembershipRole, globalRole: GlobalRole) =>
		can(me, 'invitation.create', { organisationId, role, globalRole });
	const organisations = activeOrganisations(db)
		.filter((o) => offer(o.id, 'member', 'member'))
		.map((o) => ({ id: o.id, name: o.name }));
	const offered = (role: MembershipRole, globalRole: GlobalRole) =>
		organisations.some((o) => offer(o.id, role, globalRole));
	// Staff see every pending invitation; a coordinator those into their organisations.
	const scope = can(me, 'user.manage') ? undefined : coordinatedOrganisations(me);
	return {
		organisations,
		roles: MEMBERSHIP_ROLES.filter((role) => offered(role, 'member')),
		globalRoles: GLOBAL_ROLES.filter((globalRole) => offered('member', globalRole)),
		pending: listPendingInvitations(db, scope).filter((i) =>
			can(me, 'invitation.manage', { organisationId: i.organisationId })
		),
		canReadOutbox: can(me, 'outbox.read')
	};
};

function managed(event: RequestEvent, form: FormData) {
	const me = actor(event);
	const invitation = getInvitation(getDb(), Number(form.get('id')));
	if (!invitation || !can(me, 'invitation.manage', { organisationId: invitation.organisationId })) {
		error(404, 'Not found');
	}
	return { me, invitation };
}

export const actions: Actions = {
	create: async (event) => {
		const me = actor(event);
		const parsed = await readForm(event.request, newInvitationSchema, {
			keep: ['email', 'organisationId', 'role', 'globalRole']
		});
		const { values } = parsed;
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors as FieldErrors<Field> });
		if (!can(me, 'invitation.create', parsed.data)) error(403, 'Forbidden');
		const db = getDb();
		if (!activeOrganisations(db).some((o) => o.id === parsed.data.organisationId)) {
			const errors: FieldErrors<Field> = { organisationId: 'invalid' };
			return fail(400, { values, errors });
		}
		if (findUserByEmail(db, parsed.data.email)) {
			const errors: FieldErrors<Field> = { email: 'email_taken' };
			return fail(400, { values, errors });
		}
		const { url } = createInvitation(db, { ...parsed.data, invitedById: me.id }, event.url.origin);
		return { created: { email: parsed.data.email, url } };
	},
	revoke: async (event) => {
		const form = await event.request.formData();
		const { me, invitation } = managed(event, form);
		// Cannot be undone: a first submit (without JavaScript) opens the confirmation panel.
		if (form.get('confirm') !== 'yes') return fail(400, { confirmRevoke: invitation.id });
		revokeInvitation(getDb(), invitation.id, me.id);
		return { revoked: invitation.email };
	},
	resend: async (event) => {
		const { me, invitation } = managed(event, await event.request.formData());
		const result = resendInvitation(getDb(), invitation.id, me.id, event.url.origin);
		if (!result) error(404, 'Not found');
		return { created: { email: invitation.email, url: result.url } };
	}
};
