import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { actionHistory } from '$lib/server/actions/tracking';
import { addProgress, editAction } from '$lib/server/actions/changes';
import { lessonsOfVisit } from '$lib/server/lessons/record';
import { organisationMembers } from '$lib/server/delegations/delegates';
import { getVisit } from '$lib/server/visits/read';
import { readActionForm, todayFor, viewerOf, visibleAction } from '$lib/server/http/follow-up';
import { readForm } from '$lib/server/http/forms';
import { newKey, once, readFormMeta } from '$lib/server/http/idempotency';
import { progressSchema } from '$lib/schemas/lesson';
import type { FieldErrors } from '$lib/schemas/common';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'action.list');
	const { action, canUpdate, canEdit } = visibleAction(actor, event.params.id);
	const db = getDb();
	const visit = canEdit ? getVisit(db, action.visitId) : undefined;
	const owners = visit
		? [visit.host, ...visit.visitors, ...visit.facilitators]
				.filter((o) => !!o)
				.map((o) => ({ value: o.organisationId, label: o.name }))
		: [];
	return {
		action,
		history: actionHistory(db, action.id),
		today: todayFor(actor),
		canUpdate,
		canEdit,
		owners,
		/** Makes the progress form's sending happen once (a queued note, a double tap). */
		key: newKey(),
		people: organisationMembers(
			db,
			owners.map((o) => o.value)
		).map((p) => ({ value: p.id, label: p.name, organisationId: p.organisationId })),
		lessons: canEdit
			? lessonsOfVisit(db, action.visitId, viewerOf(actor)).map((l) => ({
					value: l.id,
					label: l.title
				}))
			: []
	};
};

export const actions: Actions = {
	progress: async (event) => {
		const actor = authorize(event, 'action.list');
		const { action, canUpdate } = visibleAction(actor, event.params.id);
		if (!canUpdate) error(403, 'Forbidden');
		const body = await event.request.formData();
		const meta = readFormMeta(body);
		const read = await readForm(body, progressSchema, { keep: ['note', 'status'] });
		if (!read.ok) return fail(400, { progress: read.values, errors: read.errors });
		if (!meta.ok)
			return fail(400, { progress: read.values, errors: {} as FieldErrors, badMeta: true });
		// Once per key: a note queued on a phone and sent again after a lost answer is one note.
		const done = once(
			getDb(),
			{ owner: { userId: actor.id }, key: meta.key, what: `action.progress:${action.id}` },
			(tx) => addProgress(tx, actor.id, action, read.data, new Date(), meta.version),
			(r) => r === 'ok'
		);
		if (!done.ok)
			return fail(400, { progress: read.values, errors: {} as FieldErrors, badMeta: true });
		const result = done.result;
		if (result === 'empty') {
			return fail(400, { progress: read.values, errors: { note: 'required' } as FieldErrors });
		}
		if (result !== 'ok')
			return fail(409, { progress: read.values, errors: {} as FieldErrors, conflict: result });
		return { progressed: true };
	},
	edit: async (event) => {
		const actor = authorize(event, 'action.list');
		const { action, canEdit } = visibleAction(actor, event.params.id);
		if (!canEdit) error(403, 'Forbidden');
		const form = await event.request.formData();
		const read = readActionForm(form, true);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors as FieldErrors });
		const result = editAction(
			getDb(),
			actor.id,
			action,
			read.data as typeof read.data & { version: number },
			{ today: todayFor(actor), confirmed: form.get('confirmPast') === 'yes' }
		);
		if (!result.ok) {
			const errors: FieldErrors =
				result.field === 'stale'
					? { title: 'stale' }
					: { [result.field]: 'past' in result ? 'past_date' : 'not_member' };
			return fail(result.field === 'stale' ? 409 : 400, { values: read.values, errors });
		}
		return { edited: true };
	}
};
