import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { createTheme, listThemes, updateTheme } from '$lib/server/organisations/directory';
import { checkForm, readForm } from '$lib/server/http/forms';
import { themeSchema } from '$lib/schemas/admin';
import { positiveId } from '$lib/schemas/common';

const FIELDS = ['slug', 'nameFr', 'nameEn', 'nameEs', 'nameAr'] as const;

export const load: PageServerLoad = (event) => {
	authorize(event, 'theme.manage');
	return { themes: listThemes(getDb()) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event, 'theme.manage', 403);
		const parsed = await readForm(event.request, themeSchema, { keep: FIELDS });
		const { values } = parsed;
		if (!parsed.ok) return fail(400, { formId: 'new', values, errors: parsed.errors });
		if (!createTheme(getDb(), actor.id, parsed.data)) {
			return fail(400, { formId: 'new', values, errors: { slug: 'taken' as const } });
		}
		return { created: parsed.data.slug };
	},
	update: async (event) => {
		const actor = authorize(event, 'theme.manage', 403);
		const form = await event.request.formData();
		const id = positiveId(form.get('id'));
		if (!id) error(404, 'Not found');
		const parsed = checkForm(form, themeSchema.omit({ slug: true }), { keep: FIELDS.slice(1) });
		const { values } = parsed;
		if (!parsed.ok) return fail(400, { formId: String(id), values, errors: parsed.errors });
		if (!updateTheme(getDb(), actor.id, id, parsed.data)) error(404, 'Not found');
		return { updated: id };
	}
};
