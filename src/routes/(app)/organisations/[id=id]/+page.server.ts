import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { viewerOf } from '$lib/server/http/follow-up';
import { readPracticeForm } from '$lib/server/http/profile-forms';
import { can } from '$lib/server/policy';
import { getOrganisation, listThemes } from '$lib/server/organisations/directory';
import { organisationProfile } from '$lib/server/organisations/profile';
import {
	addPractice,
	editPractice,
	getPractice,
	removePractice
} from '$lib/server/organisations/practices';
import { hostEvaluationSummary } from '$lib/server/evaluations/overview';
import { positiveId } from '$lib/schemas/common';

export const load: PageServerLoad = async (event) => {
	const actor = authorize(event, 'organisation.read');
	const id = Number(event.params.id);
	const q = event.url.searchParams;
	const db = getDb();
	const profile = organisationProfile(db, id, {
		viewer: viewerOf(actor),
		withContacts: can(actor, 'organisation.contacts'),
		hostedPage: positiveId(q.get('hosted')) ?? 1,
		madePage: positiveId(q.get('made')) ?? 1
	});
	if (!profile) error(404, 'Not found');
	const canEdit = can(actor, 'profile.edit', { organisationId: id });
	return {
		...profile,
		canEdit,
		themes: canEdit ? listThemes(db) : [],
		evaluations: can(actor, 'profile.evaluations', { organisationId: id })
			? await hostEvaluationSummary(db, id)
			: null
	};
};

/** The organisation of the URL, if the actor may edit its profile (403 otherwise). */
function editor(event: RequestEvent) {
	const actor = authorize(event, 'organisation.read');
	const id = Number(event.params.id);
	if (!getOrganisation(getDb(), id)) error(404, 'Not found');
	if (!can(actor, 'profile.edit', { organisationId: id })) error(403, 'Forbidden');
	return { actor, id };
}

/** The entry the form names, if it belongs to this organisation. */
function ownEntry(organisationId: number, id: number | null) {
	const entry = id ? getPractice(getDb(), id) : undefined;
	if (!entry || entry.organisationId !== organisationId) error(404, 'Not found');
	return entry;
}

export const actions: Actions = {
	add: async (event) => {
		const { actor, id } = editor(event);
		const form = readPracticeForm(await event.request.formData());
		const key = `add-${form.values.kind === 'learn' ? 'learn' : 'share'}`;
		if (!form.ok) return fail(400, { form: key, values: form.values, errors: form.errors });
		const saved = addPractice(getDb(), actor.id, id, form.data);
		if (!saved.ok) return fail(400, { form: key, values: form.values, errors: {}, full: true });
		return { done: 'added' as const, entry: saved.id };
	},
	edit: async (event) => {
		const { actor, id } = editor(event);
		const form = readPracticeForm(await event.request.formData());
		const entry = ownEntry(id, form.id);
		const key = `edit-${entry.id}`;
		if (!form.ok) return fail(400, { form: key, values: form.values, errors: form.errors });
		editPractice(getDb(), actor.id, entry.id, form.data);
		return { done: 'saved' as const, entry: entry.id };
	},
	remove: async (event) => {
		const { actor, id } = editor(event);
		const form = await event.request.formData();
		const entry = ownEntry(id, positiveId(form.get('id')));
		removePractice(getDb(), actor.id, entry.id);
		return { done: 'removed' as const };
	}
};
