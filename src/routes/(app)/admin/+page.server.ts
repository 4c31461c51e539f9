import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { listPeople } from '$lib/server/accounts/users';
import { toggleAccount } from '$lib/server/http/admin-forms';
import { positiveId } from '$lib/schemas/common';

export const load: PageServerLoad = (event) => {
	authorize(event, 'admin.view');
	return { people: listPeople(getDb()) };
};

export const actions: Actions = {
	disable: async (event) =>
		toggleAccount(event, positiveId((await event.request.formData()).get('id')), true),
	enable: async (event) =>
		toggleAccount(event, positiveId((await event.request.formData()).get('id')), false)
};
