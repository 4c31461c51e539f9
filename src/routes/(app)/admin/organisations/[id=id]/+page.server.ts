import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import type { FieldErrors } from '$lib/schemas/common';
import { authorize } from '$lib/server/http/guards';
import {
	deleteOrganisation,
	getOrganisation,
	organisationUsage,
	setOrganisationArchived,
	updateOrganisation
} from '$lib/server/organisations/directory';
import { readOrganisationForm, timeZoneList } from '$lib/server/http/admin-forms';

function target(event: RequestEvent, denied: 403 | 404) {
	const actor = authorize(event, 'organisation.manage', denied);
	const organisation = getOrganisation(getDb(), Number(event.params.id));
	if (!organisation) error(404, 'Not found');
	return { actor, organisation };
}

export const load: PageServerLoad = (event) => {
	const { organisation } = target(event, 404);
	return {
		organisation,
		usage: organisationUsage(getDb(), organisation.id),
		zones: timeZoneList()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organisation } = target(event, 403);
		const form = readOrganisationForm(await event.request.formData(), organisation.id);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = updateOrganisation(getDb(), actor.id, organisation.id, form.data);
		if (!result.ok) {
			const errors: FieldErrors = { [result.field]: 'taken' };
			return fail(400, { values: form.values, errors });
		}
		return { saved: true };
	},
	archive: (event) => {
		const { actor, organisation } = target(event, 403);
		setOrganisationArchived(getDb(), actor.id, organisation.id, true);
		return { archived: true };
	},
	restore: (event) => {
		const { actor, organisation } = target(event, 403);
		setOrganisationArchived(getDb(), actor.id, organisation.id, false);
		return { restored: true };
	},
	delete: (event) => {
		const { actor, organisation } = target(event, 403);
		if (deleteOrganisation(getDb(), actor.id, organisation.id) === 'in_use') {
			return fail(409, { inUse: true });
		}
		redirect(303, '/admin/organisations?done=deleted');
	}
};
