import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { positiveId, type FieldErrors } from '$lib/schemas/common';
import { dateWarnings } from '$lib/delegation';
import {
	addDelegate,
	delegationOf,
	organisationMembers,
	removeDelegate
} from '$lib/server/delegations/delegates';
import {
	canManage,
	delegationVisit,
	findDelegate,
	readDelegateForm,
	requireManage
} from '$lib/server/http/delegation';

export const load: PageServerLoad = (event) => {
	const context = delegationVisit(event);
	const { visit } = context;
	const delegation = delegationOf(getDb(), visit, context);
	const managed = delegation.groups
		.map((g) => g.organisation.organisationId)
		.filter((id) => canManage(context, id));
	return {
		visit: {
			id: visit.id,
			title: visit.title,
			status: visit.status,
			startsOn: visit.startsOn,
			endsOn: visit.endsOn,
			timeZone: visit.timeZone
		},
		...delegation,
		managed,
		members: organisationMembers(getDb(), managed)
	};
};

export const actions: Actions = {
	add: async (event) => {
		const context = delegationVisit(event);
		const form = await event.request.formData();
		const organisationId = positiveId(form.get('organisationId')) ?? 0;
		requireManage(context, organisationId);
		const read = readDelegateForm(form);
		if (!read.ok) {
			return fail(400, { organisationId, values: read.values, errors: read.errors });
		}
		const { actor, visit } = context;
		const result = addDelegate(getDb(), actor.id, visit.id, organisationId, read.data);
		if (!result.ok) {
			const errors: FieldErrors = { [result.field]: 'not_member' };
			return fail(400, { organisationId, values: read.values, errors });
		}
		return { added: read.data.name, warnings: dateWarnings(visit, read.data) };
	},
	remove: async (event) => {
		const context = delegationVisit(event);
		const form = await event.request.formData();
		const delegate = findDelegate(context, form.get('delegateId'));
		requireManage(context, delegate.organisationId);
		removeDelegate(getDb(), context.actor.id, delegate);
		return { removed: delegate.name };
	}
};
