import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/policy';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
	locale: locals.locale,
	canAdmin: can(locals.user, 'admin.view')
});
