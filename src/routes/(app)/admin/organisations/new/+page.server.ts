import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import type { FieldErrors } from '$lib/schemas/common';
import { authorize } from '$lib/server/http/guards';
import { createOrganisation } from '$lib/server/organisations/directory';
import { readOrganisationForm, timeZoneList } from '$lib/server/http/admin-forms';

export const load: PageServerLoad = (event) => {
	authorize(event, 'organisation.manage');
	return { zones: timeZoneList() };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = authorize(event, 'organisation.manage', 403);
		const form = readOrganisationForm(await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = createOrganisation(getDb(), actor.id, form.data);
		if (!result.ok) {
			const errors: FieldErrors = { [result.field]: 'taken' };
			return fail(400, { values: form.values, errors });
		}
		redirect(303, `/admin/organisations/${result.id}?done=created`);
	}
};
