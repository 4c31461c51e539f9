import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/policy';
import { currentActor } from '$lib/server/http/guards';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notifications/in-app';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const actor = currentActor(locals);
	// Reading the path makes this load run again on every navigation, so the unread count in the
	// header follows what happened meanwhile (one indexed count).
	void url.pathname;
	return {
		user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
		locale: locals.locale,
		canAdmin: can(actor, 'admin.view'),
		canCompareEvaluations: can(actor, 'evaluation.compare'),
		canInvite: can(actor, 'invitation.list'),
		unread: locals.user ? unreadCount(getDb(), locals.user.id) : 0
	};
};
