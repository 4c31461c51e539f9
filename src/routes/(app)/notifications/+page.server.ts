import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { listNotifications, markAllRead, markRead } from '$lib/server/notifications/in-app';
import { notificationText } from '$lib/i18n/notifications';
import { positiveId } from '$lib/schemas/common';

// Everyone reads their own notifications only: the user comes from the session, and every query
// is scoped to them, so someone else's notification answers 404.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const page = positiveId(event.url.searchParams.get('page')) ?? 1;
	const list = listNotifications(getDb(), user.id, page);
	return {
		...list,
		items: list.items.map((n) => ({
			id: n.id,
			visitId: n.visitId,
			createdAt: n.createdAt,
			read: n.readAt !== null,
			text: notificationText(n.kind, n.payload, event.locals.locale)
		}))
	};
};

export const actions: Actions = {
	/** Opening an unread notification: mark it read, then go where it leads. */
	read: async (event) => {
		const user = requireUser(event);
		const id = positiveId((await event.request.formData()).get('id'));
		const found = id ? markRead(getDb(), user.id, id) : null;
		if (!found) error(404, 'Not found');
		if (found.actionId) redirect(303, `/actions/${found.actionId}`);
		redirect(303, found.visitId ? `/visits/${found.visitId}` : '/notifications');
	},
	readAll: (event) => {
		const user = requireUser(event);
		return { allRead: markAllRead(getDb(), user.id) };
	}
};
