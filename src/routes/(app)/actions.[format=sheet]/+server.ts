import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { exportActions } from '$lib/server/actions/tracking';
import { readActionFilter } from '$lib/server/http/follow-up';
import { exportResponse, type ExportFormat } from '$lib/server/exports/response';
import type { Column } from '$lib/server/exports/table';
import { m } from '$lib/i18n';
import { actionStatusLabel } from '$lib/i18n/labels';

type Row = ReturnType<typeof exportActions> extends Iterable<infer R> ? R : never;

/** The actions of /actions with the same filters and the same visibility, as a spreadsheet. */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'action.list');
	const db = getDb();
	const { organisation: _, ...filter } = readActionFilter(db, event.url, actor);
	const columns: Column<Row>[] = [
		{ header: m.action_title_field(), cell: (a) => a.title },
		{ header: m.action_visit(), cell: (a) => a.visitTitle },
		{ header: m.action_owner_organisation(), cell: (a) => a.ownerOrganisation },
		{ header: m.action_owner_person(), cell: (a) => a.ownerName },
		{ header: m.action_due_on(), cell: (a) => a.dueOn, kind: 'date' },
		{ header: m.action_status(), cell: (a) => actionStatusLabel[a.status]() },
		{ header: m.action_lesson(), cell: (a) => a.lessonTitle },
		{ header: m.action_details(), cell: (a) => a.details }
	];
	return exportResponse(
		{ name: 'actions', sheet: m.actions_title(), columns, rows: exportActions(db, filter) },
		event.params.format as ExportFormat,
		event.locals.locale
	);
};
