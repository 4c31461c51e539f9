import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db';
import { setPreferredLocale } from '$lib/server/accounts/users';
import { LOCALE_COOKIE, toLocale } from '$lib/i18n';
import { safeRedirect } from '$lib/schemas/common';

const YEAR = 60 * 60 * 24 * 365;

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const back = safeRedirect(form.get('redirectTo'), '/visits');
		const locale = toLocale(form.get('locale'));
		if (locale) {
			cookies.set(LOCALE_COOKIE, locale, {
				path: '/',
				maxAge: YEAR,
				sameSite: 'lax',
				httpOnly: true,
				secure: url.protocol === 'https:'
			});
			// A signed-in user's preference outranks the cookie, so it has to follow the choice.
			if (locals.user) setPreferredLocale(getDb(), locals.user.id, locale);
		}
		redirect(303, back);
	}
};
