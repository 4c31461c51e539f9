import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { readableVisit } from '$lib/server/http/visit';
import { markOpened, sheetOfUser } from '$lib/server/evaluations/sheet';
import { sheetAction, sheetPageData } from '$lib/server/http/evaluation-sheet';

/** A signed-in delegate's own sheet (from the home page): the same sheet as their private link. */
function mySheet(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { actor, visit } = readableVisit(event);
	const sheet = sheetOfUser(getDb(), visit.id, actor.id);
	if (!sheet) error(404, 'Not found');
	return { actor, sheet };
}

/** A signed-in person's writes are keyed by their account. */
function myAction(event: RequestEvent, submit: boolean) {
	const { actor, sheet } = mySheet(event);
	return sheetAction(getDb(), sheet, event.request, submit, { userId: actor.id });
}

export const load: PageServerLoad = (event) => {
	const { sheet } = mySheet(event);
	markOpened(getDb(), sheet.response.id);
	return { ...sheetPageData(getDb(), sheet, event.locals.locale), visitId: sheet.visit.id };
};

export const actions: Actions = {
	save: async (event) => myAction(event, false),
	submit: async (event) => myAction(event, true)
};
