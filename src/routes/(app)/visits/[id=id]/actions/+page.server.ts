import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { readableVisit } from '$lib/server/http/visit';
import { actionsOfVisit } from '$lib/server/actions/tracking';
import { createAction } from '$lib/server/actions/changes';
import { lessonsOfVisit } from '$lib/server/lessons/record';
import { organisationMembers } from '$lib/server/delegations/delegates';
import { readActionForm, todayFor, viewerOf } from '$lib/server/http/follow-up';
import type { FieldErrors } from '$lib/schemas/common';

/** The organisations the actor may give an action to on this visit. */
function ownersFor({ actor, visit, target }: ReturnType<typeof readableVisit>) {
	return [visit.host, ...visit.visitors, ...visit.facilitators]
		.filter((o) => !!o)
		.filter((o) => can(actor, 'action.create', { visit: target, organisationId: o.organisationId }))
		.map((o) => ({ value: o.organisationId, label: o.name }));
}

export const load: PageServerLoad = (event) => {
	const context = readableVisit(event);
	const { actor, visit } = context;
	const db = getDb();
	const owners = ownersFor(context);
	return {
		visit: { id: visit.id, title: visit.title },
		actions: actionsOfVisit(db, visit.id, viewerOf(actor)),
		today: todayFor(actor),
		owners,
		people: organisationMembers(
			db,
			owners.map((o) => o.value)
		).map((p) => ({ value: p.id, label: p.name, organisationId: p.organisationId })),
		lessons: lessonsOfVisit(db, visit.id, viewerOf(actor)).map((l) => ({
			value: l.id,
			label: l.title
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const context = readableVisit(event);
		if (!ownersFor(context).length) error(403, 'Forbidden');
		const form = await event.request.formData();
		const read = readActionForm(form);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const organisationId = read.data.ownerOrganisationId;
		if (!can(context.actor, 'action.create', { visit: context.target, organisationId })) {
			const errors: FieldErrors = { ownerOrganisationId: 'not_member' };
			return fail(400, { values: read.values, errors });
		}
		const due = { today: todayFor(context.actor), confirmed: form.get('confirmPast') === 'yes' };
		const result = createAction(getDb(), context.actor.id, context.visit.id, read.data, due);
		if (!result.ok) {
			const errors: FieldErrors = { [result.field]: result.past ? 'past_date' : 'not_member' };
			return fail(400, { values: read.values, errors });
		}
		return { created: read.data.title };
	}
};
