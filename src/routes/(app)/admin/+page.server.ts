import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guards';
import { listPeople, setUserDisabled } from '$lib/server/users';

export const load: PageServerLoad = (event) => {
	authorize(event, 'admin.view');
	return { people: listPeople(getDb()) };
};

async function toggle(event: Parameters<Actions[string]>[0], disabled: boolean) {
	const actor = authorize(event, 'user.manage', 403);
	const id = Number((await event.request.formData()).get('id'));
	if (!Number.isInteger(id) || id <= 0) error(404, 'Not found');
	const result = setUserDisabled(getDb(), actor.id, id, disabled);
	if (result === 'not_found') error(404, 'Not found');
	if (result === 'last_admin') return fail(400, { lastAdmin: true });
	return { changed: id };
}

export const actions: Actions = {
	disable: (event) => toggle(event, true),
	enable: (event) => toggle(event, false)
};
