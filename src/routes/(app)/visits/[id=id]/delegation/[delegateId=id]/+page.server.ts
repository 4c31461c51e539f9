import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import type { FieldErrors } from '$lib/schemas/common';
import {
	delegateVersion,
	organisationMembers,
	updateDelegate
} from '$lib/server/delegations/delegates';
import {
	delegationVisit,
	findDelegate,
	readDelegateForm,
	requireManage
} from '$lib/server/http/delegation';

function target(event: RequestEvent) {
	const context = delegationVisit(event);
	const delegate = findDelegate(context, event.params.delegateId);
	requireManage(context, delegate.organisationId);
	return { ...context, delegate };
}

export const load: PageServerLoad = (event) => {
	const { visit, delegate } = target(event);
	const organisation = [visit.host, ...visit.visitors, ...visit.facilitators].find(
		(o) => o?.organisationId === delegate.organisationId
	);
	return {
		visit: { id: visit.id, title: visit.title, timeZone: visit.timeZone },
		organisation: organisation ? { name: organisation.name } : null,
		delegate,
		version: delegateVersion(delegate),
		members: organisationMembers(getDb(), [delegate.organisationId])
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, visit, delegate } = target(event);
		const form = await event.request.formData();
		const read = readDelegateForm(form);
		// The fingerprint of the delegate as this form was drawn; kept across a failed attempt.
		const sent = String(form.get('version') ?? '').slice(0, 32);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors, version: sent });
		const current = delegateVersion(delegate);
		const sameAsSaved = delegateVersion({ ...delegate, ...read.data }) === current;
		if (sent !== current && !sameAsSaved) {
			// Someone saved in between: keep this input, and let a second save overwrite knowingly.
			return fail(409, { values: read.values, errors: {}, conflict: true, version: current });
		}
		const result = updateDelegate(getDb(), actor.id, delegate, read.data);
		if (!result.ok) {
			const errors: FieldErrors = { [result.field]: 'not_member' };
			return fail(400, { values: read.values, errors, version: sent });
		}
		redirect(303, `/visits/${visit.id}/delegation?done=saved#delegate-${delegate.id}`);
	}
};
