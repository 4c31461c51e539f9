import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { readableVisit } from '$lib/server/http/visit';
import { listDelegates } from '$lib/server/delegations/delegates';
import { keptValues } from '$lib/server/http/admin-forms';
import {
	addSession,
	checkSession,
	copySessions,
	deleteSession,
	listAgenda,
	getSession,
	moveSession,
	placeSession,
	updateSession
} from '$lib/server/agenda/programme';
import { inZone, overlapsOf, programmeWarnings, visitDays } from '$lib/agenda';
import { timeZoneList } from '$lib/server/http/admin-forms';
import { sessionSchema } from '$lib/schemas/agenda';
import { fieldErrors, positiveId } from '$lib/schemas/common';

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
	const arrivals = listDelegates(db, visit.id).map((d) => ({
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
	const days = visitDays(context.visit.startsOn, context.visit.endsOn);
	return { form, ...context, days, values: keptValues(form, FIELDS, 2100) };
}

function readSession(visitId: number, days: string[], values: Record<string, string>, id?: number) {
	const parsed = sessionSchema.safeParse(values);
	if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error) };
	const errors = checkSession(getDb(), visitId, parsed.data);
	// Sessions live on the visit's days; another day is a mistake of the form, not a plan.
	if (!days.includes(parsed.data.day)) errors.day = 'invalid';
	// Parallel tracks are fine when the user says so; otherwise an overlap is a typo.
	const overlaps = overlapsOf(listAgenda(getDb(), visitId), parsed.data, id);
	if (overlaps.length && values.parallel !== 'on') errors.startsAt = 'overlap';
	const overlapWith = overlaps.map((s) => s.title).join(', ');
	return Object.keys(errors).length
		? { ok: false as const, errors, overlapWith }
		: { ok: true as const, data: parsed.data };
}

export const actions: Actions = {
	add: async (event) => {
		const { actor, visit, days, values } = await editable(event);
		const read = readSession(visit.id, days, values);
		if (!read.ok) {
			const { errors, overlapWith } = read;
			return fail(400, { formId: `add-${values.day}`, values, errors, overlapWith });
		}
		if (addSession(getDb(), actor.id, visit.id, read.data) === 'full') {
			const errors = { day: 'day_full' as const };
			return fail(400, { formId: `add-${values.day}`, values, errors, overlapWith: '' });
		}
		return { done: 'added' };
	},
	update: async (event) => {
		const { actor, visit, days, values } = await editable(event);
		const id = positiveId(values.id);
		const version = positiveId(values.version);
		if (!id || !version) error(404, 'Not found');
		const read = readSession(visit.id, days, values, id);
		if (!read.ok) {
			const { errors, overlapWith } = read;
			return fail(400, { formId: `edit-${id}`, values, errors, overlapWith });
		}
		const result = updateSession(getDb(), actor.id, visit.id, id, version, read.data);
		if (result === 'not_found') error(404, 'Not found');
		if (result === 'stale') {
			// Their version is shown and becomes the base: saving again replaces it knowingly.
			const current = getSession(getDb(), visit.id, id)!;
			return fail(409, { formId: `edit-${id}`, values, errors: {}, current });
		}
		return { done: 'saved' };
	},
	delete: async (event) => {
		const { actor, visit, values } = await editable(event);
		const id = positiveId(values.id);
		if (!id || !deleteSession(getDb(), actor.id, visit.id, id)) error(404, 'Not found');
		return { done: 'deleted' };
	},
	move: async (event) => {
		const { actor, visit, days, values } = await editable(event);
		const id = positiveId(values.id);
		if (!days.includes(values.day)) return fail(400, { moveError: id });
		if (!id || !moveSession(getDb(), actor.id, visit.id, id, values.day)) error(404, 'Not found');
		return { done: 'moved' };
	},
	duplicate: async (event) => {
		const { actor, visit, days, values } = await editable(event);
		const id = positiveId(values.id);
		if (!days.includes(values.day)) return fail(400, { moveError: id });
		const copies = id ? copySessions(getDb(), actor.id, visit.id, [id], values.day) : [];
		if (copies === 'full') return fail(400, { fullError: id });
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
		if (result === 'full') return fail(400, { placeError: id });
		return { done: 'moved' };
	},
	copyDay: async (event) => {
		const { form, actor, visit, days } = await editable(event);
		const from = String(form.get('from') ?? '');
		const to = String(form.get('to') ?? '');
		if (!days.includes(from) || !days.includes(to) || from === to)
			return fail(400, { copyError: from });
		const ids = listAgenda(getDb(), visit.id)
			.filter((s) => s.day === from)
			.map((s) => s.id);
		if (copySessions(getDb(), actor.id, visit.id, ids, to) === 'full')
			return fail(400, { copyError: from });
		return { done: 'copied' };
	}
};
