// Finding the visit a URL names, for every page under /visits/{id}: one rule for "may not read".
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { authorize } from './guards';
import { can } from '../policy';
import { getVisit } from '../visits/read';
import { visitTarget } from '../visits/workflow';
import { positiveId } from '$lib/schemas/common';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/** The visit of the URL with the signed-in actor; a visit they may not read is a 404. */
export function readableVisit(event: Event) {
	const actor = authorize(event, 'visit.read');
	const id = positiveId((event.params as { id?: string }).id);
	const visit = id ? getVisit(getDb(), id) : undefined;
	const target = visit && visitTarget(visit);
	if (!visit || !target || !can(actor, 'visit.see', target)) error(404, 'Not found');
	return { actor, visit, target };
}

export type ReadableVisit = ReturnType<typeof readableVisit>;
