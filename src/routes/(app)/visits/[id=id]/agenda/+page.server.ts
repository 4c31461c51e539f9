import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { readableVisit } from '$lib/server/http/visit';
import { listDelegates } from '$lib/server/delegations/delegates';
import { formValues, refill } from '$lib/server/http/forms';
import { deleteSession, listAgenda, getSession } from '$lib/server/agenda/programme';
import {
	addSession,
	copyDay,
	copySessions,
	isRefusal,
	moveSession,
	placeSession,
	updateSession
} from '$lib/server/agenda/edits';
import { formErrors, type Refusal } from '$lib/server/agenda/rules';
import { inZone, programmeWarnings, visitDays } from '$lib/agenda';
import { timeZoneList } from '$lib/server/http/admin-forms';
import { sessionSchema } from '$lib/schemas/agenda';
import { parseFields, positiveId } from '$lib/schemas/common';

const FIELDS = [
	'day',
	'startsAt',
	'endsAt',
	'kind',
	'title',
	'place',
	'leadOrganisationId',
	'leadName',
	'notes',
	'version',
	'id',
	'parallel',
	'to'
] as const;

/** The zone the viewer asked for (`?tz=`), when it is a real one other than the visit's. */
function viewerZone(asked: string | null, visitZone: string) {
	return asked && asked !== visitZone && timeZoneList().includes(asked) ? asked : null;
}

export const load: PageServerLoad = (event) => {
	const { actor, visit, target } = readableVisit(event);
	const db = getDb();
	const viewZone = viewerZone(event.url.searchParams.get('tz'), visit.timeZone);
	const sessions = listAgenda(db, visit.id).map((s) => ({
		...s,
		shown: viewZone ? inZone(s, visit.timeZone, viewZone) : null
	}));
	// Only arrivals the reader may know of: a late one is named in a warning.
	const arrivals = listDelegates(db, visit.id, { actor, target }).detailed.map((d) => ({
		name: d.name,
		arrivesAt: d.arrivesAt
	}));
	return {
		visit,
		sessions,
		days: visitDays(visit.startsOn, visit.endsOn),
		warnings: programmeWarnings(sessions, visit, arrivals),
		canEdit: can(actor, 'agenda.edit', target),
		viewZone,
		profileZone: event.locals.user?.timeZone ?? null,
		organisations: [
			...(visit.host ? [visit.host] : []),
			...visit.visitors,
			...visit.facilitators
		].map((o) => ({ value: o.organisationId, label: o.name }))
	};
};

/** The form first (no await between the checks and the write), then the visit and the rule. */
async function editable(event: RequestEvent) {
	const form = await event.request.formData();
	const context = readableVisit(event);
	if (!can(context.actor, 'agenda.edit', context.target)) error(403, 'Forbidden');
	return { form, ...context, values: formValues(form, { keep: FIELDS }) };
}

/** A move the programme's rules refused: shown on the session, with the day the user chose. */
const refused = (id: number, action: string, values: Record<string, string>, why: Refusal) =>
	fail(400, { refused: { id, action, target: values.day ?? '', ...why } });

export const actions: Actions = {
	add: async (event) => {
		const { actor, visit, values } = await editable(event);
		const formId = `add-${values.day}`;
		const parsed = parseFields(sessionSchema, values);
		if (!parsed.ok) return fail(400, { formId, ...refill(values, parsed.errors), overlapWith: '' });
		const result = addSession(getDb(), actor.id, visit.id, parsed.data, values.parallel === 'on');
		if (isRefusal(result)) return fail(400, { formId, ...refill(values), ...formErrors(result) });
		return { done: 'added' };
	},
	update: async (event) => {
		const { actor, visit, values } = await editable(event);
		const id = positiveId(values.id);
		const version = positiveId(values.version);
		if (!id || !version) error(404, 'Not found');
		const formId = `edit-${id}`;
		const parsed = parseFields(sessionSchema, values);
		if (!parsed.ok) return fail(400, { formId, ...refill(values, parsed.errors), overlapWith: '' });
		const parallel = values.parallel === 'on';
		const result = updateSession(getDb(), actor.id, visit.id, id, version, parsed.data, parallel);
		if (result === 'not_found') error(404, 'Not found');
		if (result === 'stale') {
			// Their version is shown and becomes the base: saving again replaces it knowingly.
			const current = getSession(getDb(), visit.id, id)!;
			return fail(409, { formId, ...refill(values), current });
		}
		if (isRefusal(result)) return fail(400, { formId, ...refill(values), ...formErrors(result) });
		return { done: 'saved' };
	},
	delete: async (event) => {
		const { actor, visit, values } = await editable(event);
		const id = positiveId(values.id);
		if (!id || !deleteSession(getDb(), actor.id, visit.id, id)) error(404, 'Not found');
		return { done: 'deleted' };
	},
	move: async (event) => {
		const { actor, visit, values } = await editable(event);
		const id = positiveId(values.id);
		// A form without a session is a bad form; a session that is not there is a 404.
		if (!id) return fail(400, {});
		const result = moveSession(getDb(), actor.id, visit.id, id, values.day);
		if (result === 'not_found') error(404, 'Not found');
		if (isRefusal(result)) return refused(id!, 'move', values, result);
		return { done: 'moved' };
	},
	duplicate: async (event) => {
		const { actor, visit, values } = await editable(event);
		const id = positiveId(values.id);
		if (!id) return fail(400, {});
		const copies = copySessions(getDb(), actor.id, visit.id, [id], values.day);
		if (isRefusal(copies)) return refused(id, 'duplicate', values, copies);
		if (!copies.length) error(404, 'Not found');
		return { done: 'copied' };
	},
	place: async (event) => {
		const { actor, visit, values } = await editable(event);
		const id = positiveId(values.id);
		const to = Number(values.to);
		if (!id || !Number.isInteger(to) || to < 0) error(404, 'Not found');
		const result = placeSession(getDb(), actor.id, visit.id, id, to);
		if (result === 'not_found') error(404, 'Not found');
		if (isRefusal(result)) return refused(id, 'place', values, result);
		return { done: 'moved' };
	},
	copyDay: async (event) => {
		const { form, actor, visit } = await editable(event);
		const from = String(form.get('from') ?? '');
		const to = String(form.get('to') ?? '');
		const copies = copyDay(getDb(), actor.id, visit.id, from, to);
		if (isRefusal(copies)) return fail(400, { copyRefused: { from, to, ...copies } });
		return { done: 'copied' };
	}
};
