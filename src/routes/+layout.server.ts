import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { actorOf } from '$lib/server/users';

export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.user ? actorOf(getDb(), locals.user) : null;
	return {
		user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
		locale: locals.locale,
		canAdmin: can(actor, 'admin.view'),
		canInvite: can(actor, 'invitation.list')
	};
};
