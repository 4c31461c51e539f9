import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import {
	changePassword,
	getProfile,
	listSessions,
	signOutOtherSessions,
	updateProfile
} from '$lib/server/accounts/profile';
import { listOrganisations } from '$lib/server/organisations/directory';
import { createFeed, feedPath, listFeeds, revokeFeed } from '$lib/server/agenda/feeds';
import { notificationPreferencesSchema, passwordSchema, profileSchema } from '$lib/schemas/account';
import { preferencesOf, savePreferences } from '$lib/server/notifications/preferences';
import { networkTimeZone } from '$lib/server/notifications/recipients';
import { NOTIFICATION_TOPICS } from '$lib/enums';
import { positiveId, type FieldErrors } from '$lib/schemas/common';
import { readForm } from '$lib/server/http/forms';

type PasswordField = 'current' | 'next' | 'confirm';

// Everyone manages their own account only: the user comes from the session, never from the form.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const zones = [...new Set(listOrganisations(db).map((o) => o.timeZone))].sort();
	return {
		profile: getProfile(db, user.id)!,
		sessions: listSessions(db, user.id).map((s) => ({
			...s,
			current: s.id === event.locals.session?.id,
			id: undefined
		})),
		zones,
		feeds: listFeeds(db, user.id),
		preferences: preferencesOf(db, user.id),
		networkTimeZone: networkTimeZone(db)
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const user = requireUser(event);
		const read = await readForm(event.request, profileSchema, {
			keep: ['name', 'preferredLocale', 'timeZone']
		});
		if (!read.ok) return fail(400, { profile: { values: read.values, errors: read.errors } });
		updateProfile(getDb(), user.id, read.data);
		// A full reload shows the page in the language just chosen.
		redirect(303, '/account?saved=profile');
	},
	password: async (event) => {
		const user = requireUser(event);
		// Passwords are never sent back: only the errors.
		const read = await readForm(event.request, passwordSchema, {
			keep: ['current', 'next', 'confirm']
		});
		if (!read.ok) {
			return fail(400, { password: { errors: read.errors as FieldErrors<PasswordField> } });
		}
		const result = await changePassword(
			getDb(),
			user.id,
			event.locals.session!.id,
			read.data.current,
			read.data.next
		);
		if (result === 'wrong_password') {
			const errors: FieldErrors<PasswordField> = { current: 'wrong_password' };
			return fail(400, { password: { errors } });
		}
		return { password: { saved: true } };
	},
	notifications: async (event) => {
		const user = requireUser(event);
		const read = await readForm(event.request, notificationPreferencesSchema, {
			keep: NOTIFICATION_TOPICS
		});
		if (!read.ok) {
			return fail(400, { notifications: { values: read.values, errors: read.errors } });
		}
		savePreferences(getDb(), user.id, read.data);
		return { notifications: { saved: true } };
	},
	signOutOthers: (event) => {
		const user = requireUser(event);
		const ended = signOutOtherSessions(getDb(), user.id, event.locals.session!.id);
		return { sessions: { ended } };
	},
	createFeed: (event) => {
		const user = requireUser(event);
		const { token } = createFeed(getDb(), user.id);
		// In this one answer only: the page cannot show the link again (no-store, hash kept).
		const url = event.url.origin + feedPath(token);
		return { feed: { url, webcal: url.replace(/^https?:/, 'webcal:') } };
	},
	revokeFeed: async (event) => {
		const user = requireUser(event);
		const id = positiveId((await event.request.formData()).get('id'));
		if (!id || !revokeFeed(getDb(), user.id, id)) error(404, 'Not found');
		return { feedRevoked: true };
	}
};
