import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { markOpened, sheetByToken } from '$lib/server/evaluation-sheet';
import { sheetAction, sheetPageData } from '$lib/server/evaluation-sheet-route';
import { checkThrottle, recordFailure } from '$lib/server/auth/throttle';

/**
 * The sheet of a private link, for anyone holding it (no account). Unknown, garbled, replaced and
 * expired links are one 404; an address that keeps trying wrong links is slowed, then refused
 * further wrong links.
 */
async function sheetOf(event: Pick<RequestEvent, 'params' | 'getClientAddress' | 'setHeaders'>) {
	const db = getDb();
	// A valid link always opens: behind a proxy many guests may share one address, and wrong
	// links from any of them must not lock the others out.
	const sheet = sheetByToken(db, event.params.token);
	if (sheet) return sheet;
	const key = `evaluation-link|${event.getClientAddress()}`;
	const throttle = checkThrottle(db, key);
	if (throttle.blocked) {
		event.setHeaders({ 'retry-after': String(throttle.retryAfterSeconds) });
		error(429, 'Too many wrong links');
	}
	const delay = recordFailure(db, key);
	if (delay) await new Promise((r) => setTimeout(r, delay));
	error(404, 'Not found');
}

export const load: PageServerLoad = async (event) => {
	const sheet = await sheetOf(event);
	// The link is a secret: no shared cache keeps the page, no search engine lists it. (Set here
	// only: after a form action this load runs in the same request.)
	event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	markOpened(getDb(), sheet.response.id);
	return sheetPageData(getDb(), sheet, event.locals.locale);
};

export const actions: Actions = {
	save: async (event) => sheetAction(getDb(), await sheetOf(event), event.request, false),
	submit: async (event) => sheetAction(getDb(), await sheetOf(event), event.request, true)
};
