import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { acceptInvitation, findInvitation } from '$lib/server/accounts/invitations';
import { startSession } from '$lib/server/accounts/sessions';
import { acceptInvitationSchema } from '$lib/schemas/invitation';
import type { FieldErrors } from '$lib/schemas/common';
import { readForm } from '$lib/server/http/forms';

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
		const parsed = await readForm(request, acceptInvitationSchema, {
			keep: ['name', 'password', 'locale', 'email']
		});
		// The password is never sent back.
		const { name, email, locale } = parsed.values;
		const values = { name, email, locale };
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors as FieldErrors<Field> });
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
