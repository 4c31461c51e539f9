import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { can, coordinatedOrganisations } from '$lib/server/policy';
import { activeOrganisations, listThemes } from '$lib/server/organisations/directory';
import { timeZoneList } from '$lib/server/http/admin-forms';
import { checkParties, createVisit } from '$lib/server/visits/workflow';
import {
	readDetails,
	proposalPrefill,
	readParties,
	visitFormValues,
	withHostZone
} from '$lib/server/http/visit-forms';
import { refill } from '$lib/server/http/forms';
import { todayFor } from '$lib/server/http/follow-up';

function proposer(event: RequestEvent) {
	const actor = authorize(event, 'visit.propose');
	// Staff propose for any organisation; a coordinator for one of theirs (visit.create decides).
	const staff = can(actor, 'visit.create', { organisationId: null });
	const own = coordinatedOrganisations(actor).map((organisationId) => ({ organisationId }));
	return { actor, staff, own };
}

export const load: PageServerLoad = (event) => {
	const { actor, staff, own } = proposer(event);
	const db = getDb();
	const organisations = activeOrganisations(db);
	const themes = listThemes(db);
	return {
		staff,
		own: organisations.filter((o) => own.some((m) => m.organisationId === o.id)),
		organisations,
		themes,
		zones: timeZoneList(),
		today: todayFor(actor),
		prefill: proposalPrefill(event.url.searchParams, {
			staff,
			ownIds: own.map((m) => m.organisationId),
			organisationIds: organisations.map((o) => o.id),
			themeIds: themes.map((t) => t.id)
		})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, staff } = proposer(event);
		const form = await event.request.formData();
		const send = form.get('intent') === 'send';
		const values = visitFormValues(form);
		const db = getDb();
		const parties = readParties(values, staff);
		const hostZone = parties.ok
			? activeOrganisations(db).find((o) => o.id === parties.data.hostId)?.timeZone
			: undefined;
		const details = readDetails(withHostZone(values, hostZone));
		const errors = { ...(parties.ok ? {} : parties.errors), ...(details.ok ? {} : details.errors) };
		if (parties.ok && details.ok)
			Object.assign(errors, checkParties(db, parties.data, details.data));
		// An empty zone means the host's: with no host chosen yet there is nothing to report.
		if (!parties.ok && !String(values.timeZone ?? '').trim()) delete errors.timeZone;
		if (!parties.ok || !details.ok || Object.keys(errors).length) {
			return fail(400, refill(values, errors));
		}
		if (!can(actor, 'visit.create', { organisationId: staff ? null : parties.data.proposerId })) {
			error(403, 'Forbidden');
		}
		const created = createVisit(
			db,
			{ actorId: actor.id, origin: event.url.origin },
			parties.data,
			details.data,
			send,
			{ confirmed: form.get('confirmPast') === 'yes' }
		);
		if (!created.ok) return fail(400, refill(values, created.errors));
		redirect(303, `/visits/${created.id}?done=${send ? 'sent' : 'draft'}`);
	}
};
