import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { readableVisit } from '$lib/server/http/visit';
import { can } from '$lib/server/policy';
import { getVisit } from '$lib/server/visits/read';
import { listThemes } from '$lib/server/organisations/directory';
import { timeZoneList } from '$lib/server/http/admin-forms';
import { checkThemes, updateVisitDetails } from '$lib/server/visits/workflow';
import { visitFormValues } from '$lib/server/http/visit-forms';
import { refill } from '$lib/server/http/forms';
import { todayFor } from '$lib/server/http/follow-up';
import { editVisitSchema } from '$lib/schemas/visit';
import { parseFields } from '$lib/schemas/common';

function editable(event: RequestEvent) {
	const { actor, visit, target } = readableVisit(event);
	if (!can(actor, 'visit.edit', target)) error(403, 'Forbidden');
	return { actor, visit };
}

const savedValues = (visit: NonNullable<ReturnType<typeof getVisit>>) => ({
	...visit,
	expectedSize: visit.expectedSize ?? '',
	themeIds: visit.themes.map((t) => String(t.id))
});

export const load: PageServerLoad = (event) => {
	const { actor, visit } = editable(event);
	return {
		visit: savedValues(visit),
		themes: listThemes(getDb()),
		zones: timeZoneList(),
		today: todayFor(actor)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = visitFormValues(form);
		const { actor, visit } = editable(event);
		const parsed = parseFields(editVisitSchema, values);
		const errors = parsed.ok ? checkThemes(getDb(), parsed.data.themeIds) : parsed.errors;
		if (!parsed.ok || Object.keys(errors).length) return fail(400, refill(values, errors));
		const { version, ...details } = parsed.data;
		const ctx = { actorId: actor.id, origin: event.url.origin };
		const past = { confirmed: form.get('confirmPast') === 'yes' };
		const saved = updateVisitDetails(getDb(), ctx, visit.id, version, details, past);
		if (saved === 'past') return fail(400, refill(values, { startsOn: 'past_date' }));
		if (saved === 'stale') {
			// Their input stays; the form now names the current version, so saving again is a
			// deliberate choice made after seeing what changed.
			const current = getVisit(getDb(), visit.id)!;
			return fail(409, {
				values: { ...refill(values).values, version: String(current.version) },
				errors: {},
				stale: true,
				current: savedValues(current)
			});
		}
		redirect(303, `/visits/${visit.id}?done=saved`);
	}
};
