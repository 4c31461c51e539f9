import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/policy';
import { currentActor } from '$lib/server/auth/guards';

export const load: LayoutServerLoad = ({ locals }) => {
	const actor = currentActor(locals);
	return {
		user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
		locale: locals.locale,
		canAdmin: can(actor, 'admin.view'),
		canInvite: can(actor, 'invitation.list')
	};
};
