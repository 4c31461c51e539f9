import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { currentTemplate } from '$lib/server/evaluations/template';
import {
	applyEdit,
	checkDraft,
	draftOf,
	readDraft,
	saveTemplate,
	templateVersions
} from '$lib/server/evaluations/template-editor';

export const load: PageServerLoad = (event) => {
	authorize(event, 'evaluation.template');
	const db = getDb();
	const template = currentTemplate(db);
	return {
		version: template.version,
		draft: draftOf(template),
		versions: templateVersions(db)
	};
};

export const actions: Actions = {
	/** Add, remove or move a question: the draft comes back changed, nothing is saved yet. */
	edit: async (event) => {
		authorize(event, 'evaluation.template', 403);
		const form = await event.request.formData();
		const draft = applyEdit(readDraft(form), String(form.get('op') ?? ''));
		return { draft, edited: true };
	},
	save: async (event) => {
		const actor = authorize(event, 'evaluation.template', 403);
		const draft = readDraft(await event.request.formData());
		const { errors, problem } = checkDraft(draft);
		if (problem || Object.keys(errors).length) return fail(400, { draft, errors, problem });
		return { saved: saveTemplate(getDb(), actor.id, draft) };
	}
};
