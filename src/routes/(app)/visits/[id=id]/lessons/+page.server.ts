import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { readableVisit } from '$lib/server/http/visit';
import { createLesson, lessonsOfVisit } from '$lib/server/lessons/record';
import { listThemes } from '$lib/server/organisations/directory';
import { readLessonForm, viewerOf } from '$lib/server/http/follow-up';
import { positiveId, type FieldErrors } from '$lib/schemas/common';
import { newKey, once, readFormMeta } from '$lib/server/http/idempotency';

function organisationsFor(context: ReturnType<typeof readableVisit>) {
	const { actor, visit, target } = context;
	return [visit.host, ...visit.visitors, ...visit.facilitators]
		.filter((o) => !!o)
		.filter((o) => can(actor, 'lesson.create', { visit: target, organisationId: o.organisationId }))
		.map((o) => ({ value: o.organisationId, label: o.name }));
}

export const load: PageServerLoad = (event) => {
	const context = readableVisit(event);
	const { actor, visit } = context;
	return {
		visit: { id: visit.id, title: visit.title, status: visit.status },
		lessons: lessonsOfVisit(getDb(), visit.id, viewerOf(actor)),
		organisations: organisationsFor(context),
		themes: listThemes(getDb()),
		visitThemeIds: visit.themes.map((t) => t.id),
		/** Makes a new lesson's sending happen once (a queued lesson, a double tap). */
		key: newKey()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const context = readableVisit(event);
		const form = await event.request.formData();
		if (!organisationsFor(context).length) error(403, 'Forbidden');
		const read = readLessonForm(form);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const organisationId = positiveId(form.get('organisationId')) ?? 0;
		if (!can(context.actor, 'lesson.create', { visit: context.target, organisationId })) {
			const errors: FieldErrors = { organisationId: 'not_member' };
			return fail(400, { values: read.values, errors });
		}
		const meta = readFormMeta(form);
		if (!meta.ok)
			return fail(400, { values: read.values, errors: {} as FieldErrors, badMeta: true });
		// Once per key: a lesson queued on a phone and sent again after a lost answer is one lesson.
		const done = once(
			getDb(),
			{
				owner: { userId: context.actor.id },
				key: meta.key,
				what: `lesson.create:${context.visit.id}`
			},
			(tx) => createLesson(tx, context.actor.id, context.visit.id, read.data),
			(r) => r.ok
		);
		if (!done.ok)
			return fail(400, { values: read.values, errors: {} as FieldErrors, badMeta: true });
		const result = done.result;
		if (!result.ok) {
			const errors: FieldErrors = { [result.field]: 'invalid' };
			return fail(400, { values: read.values, errors });
		}
		return { created: read.data.title, id: result.id };
	}
};
