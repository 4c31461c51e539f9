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
	return sheet;
}

export const load: PageServerLoad = (event) => {
	const sheet = mySheet(event);
	markOpened(getDb(), sheet.response.id);
	return { ...sheetPageData(getDb(), sheet, event.locals.locale), visitId: sheet.visit.id };
};

export const actions: Actions = {
	save: async (event) => sheetAction(getDb(), mySheet(event), event.request, false),
	submit: async (event) => sheetAction(getDb(), mySheet(event), event.request, true)
};
