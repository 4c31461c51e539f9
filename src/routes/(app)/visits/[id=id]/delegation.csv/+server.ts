import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { delegationOf } from '$lib/server/delegations/delegates';
import { delegationVisit } from '$lib/server/http/delegation';
import { toCsv } from '$lib/server/exports/csv';
import { m } from '$lib/i18n';
import { accommodationLabel, missingText, travelLabel, visaLabel } from '$lib/i18n/delegation';

/** The delegation as a spreadsheet, headings and statuses in the reader's language. */
export const GET: RequestHandler = (event) => {
	const context = delegationVisit(event);
	const { visit } = context;
	const { groups } = delegationOf(getDb(), visit, context);
	// Of the delegates whose details the reader may not see, only the function (as on the page).
	const rows = groups.flatMap(({ organisation, delegates, others }) => [
		...delegates.map((d) => [
			organisation.name,
			d.name,
			d.function,
			d.email,
			d.userName,
			d.arrivesAt?.replace('T', ' '),
			d.departsAt?.replace('T', ' '),
			visit.timeZone,
			travelLabel[d.travel](),
			visaLabel[d.visa](),
			accommodationLabel[d.accommodation](),
			d.needs,
			missingText(d.missing)
		]),
		...others.map((d) => [organisation.name, '', d.function, ...Array<string>(10).fill('')])
	]);
	const heading = [
		m.delegate_csv_organisation(),
		m.field_name(),
		m.delegate_function(),
		m.delegate_email(),
		m.delegate_account(),
		m.delegate_arrival(),
		m.delegate_departure(),
		m.delegate_csv_time_zone(),
		m.delegate_travel(),
		m.delegate_visa(),
		m.delegate_accommodation(),
		m.delegate_needs(),
		m.delegate_csv_missing()
	];
	return new Response(toCsv([heading, ...rows]), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="delegation-visit-${visit.id}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
