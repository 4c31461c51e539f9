import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { delegationOf } from '$lib/server/delegations/delegates';
import { delegationVisit } from '$lib/server/http/delegation';
import { exportResponse, type ExportFormat } from '$lib/server/exports/response';
import type { Column } from '$lib/server/exports/table';
import { m } from '$lib/i18n';
import { accommodationLabel, missingText, travelLabel, visaLabel } from '$lib/i18n/delegation';

type Group = ReturnType<typeof delegationOf>['groups'][number];
/** A delegate whose details the reader may not see is a row with only their function. */
type Row = {
	organisation: Group['organisation'];
	function: string;
	d: Group['delegates'][number] | null;
};

/** The delegation as a spreadsheet, headings and statuses in the reader's language. */
export const GET: RequestHandler = (event) => {
	const context = delegationVisit(event);
	const { visit } = context;
	const { groups } = delegationOf(getDb(), visit, context);
	const rows = groups.flatMap(({ organisation, delegates, others }) => [
		...delegates.map((d): Row => ({ organisation, function: d.function, d })),
		...others.map((o): Row => ({ organisation, function: o.function, d: null }))
	]);
	const columns: Column<Row>[] = [
		{ header: m.delegate_csv_organisation(), cell: (r) => r.organisation.name },
		{ header: m.field_name(), cell: (r) => r.d?.name ?? '' },
		{ header: m.delegate_function(), cell: (r) => r.function },
		{ header: m.delegate_email(), cell: (r) => r.d?.email ?? '' },
		{ header: m.delegate_account(), cell: (r) => r.d?.userName ?? '' },
		// Wall-clock times of the visit's zone, which the next column names.
		{ header: m.delegate_arrival(), cell: (r) => r.d?.arrivesAt ?? null, kind: 'datetime' },
		{ header: m.delegate_departure(), cell: (r) => r.d?.departsAt ?? null, kind: 'datetime' },
		{ header: m.delegate_csv_time_zone(), cell: (r) => (r.d ? visit.timeZone : '') },
		{ header: m.delegate_travel(), cell: (r) => (r.d ? travelLabel[r.d.travel]() : '') },
		{ header: m.delegate_visa(), cell: (r) => (r.d ? visaLabel[r.d.visa]() : '') },
		{
			header: m.delegate_accommodation(),
			cell: (r) => (r.d ? accommodationLabel[r.d.accommodation]() : '')
		},
		{ header: m.delegate_needs(), cell: (r) => r.d?.needs ?? '' },
		{ header: m.delegate_csv_missing(), cell: (r) => (r.d ? missingText(r.d.missing) : '') }
	];
	return exportResponse(
		{ name: `delegation-visit-${visit.id}`, sheet: m.delegation_title(), columns, rows },
		event.params.format as ExportFormat,
		event.locals.locale
	);
};
