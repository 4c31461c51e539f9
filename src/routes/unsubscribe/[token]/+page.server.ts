import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { verifyUnsubscribeToken } from '$lib/server/notifications/unsubscribe';
import { switchDigestOff } from '$lib/server/notifications/preferences';

// The digest's List-Unsubscribe address (RFC 8058). A GET only shows the button, because mail
// scanners open links; the POST (the button, or the mail client's one-click) switches it off.
// The signed token is the only credential: whoever is signed in here changes nothing else.
export const load: PageServerLoad = ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { valid: verifyUnsubscribeToken(getDb(), params.token) !== null };
};

export const actions: Actions = {
	default: ({ params }) => {
		const db = getDb();
		const userId = verifyUnsubscribeToken(db, params.token);
		if (userId === null) return fail(404, { invalid: true });
		switchDigestOff(db, userId);
		return { done: true };
	}
};
