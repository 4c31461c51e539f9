import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { acceptInvitation, findInvitation } from '$lib/server/accounts/invitations';
import { startSession } from '$lib/server/accounts/sessions';
import { acceptInvitationSchema } from '$lib/schemas/invitation';
import { fieldErrors, type FieldErrors } from '$lib/schemas/common';

type Field = 'name' | 'password' | 'locale' | 'email';

/** Unknown links are 404; expired, used or revoked ones are 410 (gone), with their own words. */
function lookup(token: string) {
	const found = findInvitation(getDb(), token);
	if (found.status === 'unknown') error(404, 'Not found');
	if (found.status !== 'valid') error(410, found.status);
	return found;
}

export const load: PageServerLoad = ({ params }) => {
	const { invitation, organisationName } = lookup(params.token);
	return {
		email: invitation.email,
		organisationName,
		role: invitation.role,
		firstAdmin: invitation.globalRole === 'admin' && !invitation.organisationId
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url }) => {
		lookup(params.token);
		const form = await request.formData();
		const values = {
			name: String(form.get('name') ?? '').slice(0, 100),
			email: String(form.get('email') ?? '').slice(0, 254),
			locale: String(form.get('locale') ?? '')
		};
		const parsed = acceptInvitationSchema.safeParse({
			name: form.get('name'),
			password: form.get('password'),
			locale: form.get('locale'),
			email: form.get('email')
		});
		if (!parsed.success) return fail(400, { values, errors: fieldErrors<Field>(parsed.error) });
		const db = getDb();
		const result = await acceptInvitation(db, params.token, parsed.data);
		if (!result.ok) {
			if (result.reason === 'email_taken' || result.reason === 'email_required') {
				const errors: FieldErrors<Field> = {
					email: result.reason === 'email_taken' ? 'email_taken' : 'required'
				};
				return fail(400, { values, errors });
			}
			error(410, result.reason);
		}
		startSession(db, { cookies, url, request }, result.userId);
		redirect(303, '/');
	}
};
