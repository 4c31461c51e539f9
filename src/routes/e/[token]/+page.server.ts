import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { markOpened } from '$lib/server/evaluations/sheet';
import { openLink, sheetAction, sheetPageData } from '$lib/server/http/evaluation-sheet';

/** The sheet of a private link, for anyone holding it (no account); see openLink. */
async function sheetOf(event: Pick<RequestEvent, 'params' | 'getClientAddress' | 'setHeaders'>) {
	const outcome = openLink(getDb(), event.params.token, event.getClientAddress());
	if ('sheet' in outcome) return outcome.sheet;
	if ('refused' in outcome) {
		event.setHeaders({ 'retry-after': String(outcome.retryAfterSeconds) });
		error(429, 'Too many wrong links');
	}
	if (outcome.delayMs) await new Promise((r) => setTimeout(r, outcome.delayMs));
	error(404, 'Not found');
}

export const load: PageServerLoad = async (event) => {
	const sheet = await sheetOf(event);
	// The link is a secret: no search engine lists it (set here only: after a form action this
	// load runs in the same request). Its Cache-Control (private: the device may keep it for
	// offline reading, no shared cache may) is the hooks' (http/cache-policy.ts).
	event.setHeaders({ 'x-robots-tag': 'noindex' });
	markOpened(getDb(), sheet.response.id);
	return sheetPageData(getDb(), sheet, event.locals.locale);
};

/** A link's writes are keyed by its sheet: whoever holds the link is that sheet's owner. */
async function linkAction(event: RequestEvent, submit: boolean) {
	const sheet = await sheetOf(event);
	return sheetAction(getDb(), sheet, event.request, submit, { responseId: sheet.response.id });
}

export const actions: Actions = {
	save: async (event) => linkAction(event, false),
	submit: async (event) => linkAction(event, true)
};
