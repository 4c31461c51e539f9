import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { delegationOf } from '$lib/server/delegations/delegates';
import { delegationVisit } from '$lib/server/http/delegation';
import { exportResponse, type ExportFormat } from '$lib/server/exports/response';
import type { Column } from '$lib/server/exports/table';
import { m } from '$lib/i18n';
import { accommodationLabel, missingText, travelLabel, visaLabel } from '$lib/i18n/delegation';

type Group = ReturnType<typeof delegationOf>['groups'][number];
type Row = Group['delegates'][number] & { organisation: Group['organisation'] };

/** The delegation as a spreadsheet, headings and statuses in the reader's language. */
export const GET: RequestHandler = (event) => {
	const { visit } = delegationVisit(event);
	const { groups } = delegationOf(getDb(), visit);
	const rows = groups.flatMap(({ organisation, delegates }) =>
		delegates.map((d): Row => ({ ...d, organisation }))
	);
	const columns: Column<Row>[] = [
		{ header: m.delegate_csv_organisation(), cell: (d) => d.organisation.name },
		{ header: m.field_name(), cell: (d) => d.name },
		{ header: m.delegate_function(), cell: (d) => d.function },
		{ header: m.delegate_email(), cell: (d) => d.email },
		{ header: m.delegate_account(), cell: (d) => d.userName },
		// Wall-clock times of the visit's zone, which the next column names.
		{ header: m.delegate_arrival(), cell: (d) => d.arrivesAt, kind: 'datetime' },
		{ header: m.delegate_departure(), cell: (d) => d.departsAt, kind: 'datetime' },
		{ header: m.delegate_csv_time_zone(), cell: () => visit.timeZone },
		{ header: m.delegate_travel(), cell: (d) => travelLabel[d.travel]() },
		{ header: m.delegate_visa(), cell: (d) => visaLabel[d.visa]() },
		{ header: m.delegate_accommodation(), cell: (d) => accommodationLabel[d.accommodation]() },
		{ header: m.delegate_needs(), cell: (d) => d.needs },
		{ header: m.delegate_csv_missing(), cell: (d) => missingText(d.missing) }
	];
	return exportResponse(
		{ name: `delegation-visit-${visit.id}`, sheet: m.delegation_title(), columns, rows },
		event.params.format as ExportFormat,
		event.locals.locale
	);
};
