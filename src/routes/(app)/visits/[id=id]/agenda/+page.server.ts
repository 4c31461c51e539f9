import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { readableVisit } from '$lib/server/visit-route';
import { listDelegates } from '$lib/server/delegates';
import { keptValues } from '$lib/server/admin';
import {
	addSession,
	checkSession,
	copySessions,
	deleteSession,
	listAgenda,
	moveSession,
	updateSession
} from '$lib/server/agenda';
import { programmeWarnings, visitDays } from '$lib/agenda';
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
	'id'
] as const;

export const load: PageServerLoad = (event) => {
	const { actor, visit, target } = readableVisit(event);
	const db = getDb();
	const sessions = listAgenda(db, visit.id);
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

function readSession(visitId: number, days: string[], values: Record<string, string>) {
	const parsed = sessionSchema.safeParse(values);
	if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error) };
	const errors = checkSession(getDb(), visitId, parsed.data);
	// Sessions live on the visit's days; another day is a mistake of the form, not a plan.
	if (!days.includes(parsed.data.day)) errors.day = 'invalid';
	return Object.keys(errors).length
		? { ok: false as const, errors }
		: { ok: true as const, data: parsed.data };
}

export const actions: Actions = {
	add: async (event) => {
		const { actor, visit, days, values } = await editable(event);
		const read = readSession(visit.id, days, values);
		if (!read.ok) return fail(400, { formId: `add-${values.day}`, values, errors: read.errors });
		addSession(getDb(), actor.id, visit.id, read.data);
		return { done: 'added' };
	},
	update: async (event) => {
		const { actor, visit, days, values } = await editable(event);
		const id = positiveId(values.id);
		const version = positiveId(values.version);
		if (!id || !version) error(404, 'Not found');
		const read = readSession(visit.id, days, values);
		if (!read.ok) return fail(400, { formId: `edit-${id}`, values, errors: read.errors });
		const result = updateSession(getDb(), actor.id, visit.id, id, version, read.data);
		if (result === 'not_found') error(404, 'Not found');
		if (result === 'stale') {
			return fail(409, { formId: `edit-${id}`, values, errors: { title: 'stale' as const } });
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
	copyDay: async (event) => {
		const { form, actor, visit, days } = await editable(event);
		const from = String(form.get('from') ?? '');
		const to = String(form.get('to') ?? '');
		if (!days.includes(from) || !days.includes(to) || from === to)
			return fail(400, { copyError: from });
		const ids = listAgenda(getDb(), visit.id)
			.filter((s) => s.day === from)
			.map((s) => s.id);
		copySessions(getDb(), actor.id, visit.id, ids, to);
		return { done: 'copied' };
	}
};
