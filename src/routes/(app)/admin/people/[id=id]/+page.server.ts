import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { can } from '$lib/server/policy';
import {
	getPerson,
	removeMembership,
	setGlobalRole,
	setMembership
} from '$lib/server/accounts/users';
import { toggleAccount } from '$lib/server/http/admin-forms';
import { activeOrganisations } from '$lib/server/organisations/directory';
import { globalRoleSchema, membershipSchema } from '$lib/schemas/admin';
import { positiveId, type FieldErrors } from '$lib/schemas/common';
import { readForm } from '$lib/server/http/forms';

type MembershipField = 'organisationId' | 'role';

function target(event: RequestEvent, denied: 403 | 404) {
	const actor = authorize(event, 'user.manage', denied);
	const person = getPerson(getDb(), Number(event.params.id));
	if (!person) error(404, 'Not found');
	return { actor, person };
}

export const load: PageServerLoad = (event) => {
	const { actor, person } = target(event, 404);
	return {
		person,
		organisations: activeOrganisations(getDb()),
		canGrantAdmin: can(actor, 'user.grant', {
			globalRole: 'admin',
			currentRole: person.globalRole
		}),
		isSelf: actor.id === person.id
	};
};

export const actions: Actions = {
	role: async (event) => {
		const { actor, person } = target(event, 403);
		const read = await readForm(event.request, globalRoleSchema, { keep: ['globalRole'] });
		if (!read.ok) return fail(400, { roleError: 'invalid' as const });
		const { globalRole } = read.data;
		if (!can(actor, 'user.grant', { globalRole, currentRole: person.globalRole })) {
			error(403, 'Forbidden');
		}
		const result = setGlobalRole(getDb(), actor.id, person.id, globalRole);
		if (result === 'last_admin') return fail(400, { lastAdmin: true });
		return { saved: 'role' };
	},
	membership: async (event) => {
		const { actor, person } = target(event, 403);
		const parsed = await readForm(event.request, membershipSchema, {
			keep: ['organisationId', 'role']
		});
		if (!parsed.ok) {
			return fail(400, { membershipErrors: parsed.errors as FieldErrors<MembershipField> });
		}
		const known = activeOrganisations(getDb()).some((o) => o.id === parsed.data.organisationId);
		if (!known) {
			const membershipErrors: FieldErrors<MembershipField> = { organisationId: 'invalid' };
			return fail(400, { membershipErrors });
		}
		setMembership(getDb(), actor.id, person.id, parsed.data.organisationId, parsed.data.role);
		return { saved: 'membership' };
	},
	removeMembership: async (event) => {
		const { actor, person } = target(event, 403);
		const organisationId = positiveId((await event.request.formData()).get('organisationId'));
		if (!organisationId || !removeMembership(getDb(), actor.id, person.id, organisationId)) {
			error(404, 'Not found');
		}
		return { saved: 'membership' };
	},
	disable: (event) => toggleAccount(event, Number(event.params.id), true),
	enable: (event) => toggleAccount(event, Number(event.params.id), false)
};
