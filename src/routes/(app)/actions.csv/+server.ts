import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { exportActions } from '$lib/server/actions/tracking';
import { readActionFilter } from '$lib/server/http/follow-up';
import { toCsv } from '$lib/server/exports/csv';
import { m } from '$lib/i18n';
import { actionStatusLabel } from '$lib/i18n/labels';

/** The actions of /actions with the same filters and the same visibility, as a spreadsheet. */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'action.list');
	const db = getDb();
	const { organisation: _, ...filter } = readActionFilter(db, event.url, actor);
	const rows = exportActions(db, filter).map((a) => [
		a.title,
		a.visitTitle,
		a.ownerOrganisation,
		a.ownerName,
		a.dueOn,
		actionStatusLabel[a.status](),
		a.lessonTitle,
		a.details
	]);
	const heading = [
		m.action_title_field(),
		m.action_visit(),
		m.action_owner_organisation(),
		m.action_owner_person(),
		m.action_due_on(),
		m.action_status(),
		m.action_lesson(),
		m.action_details()
	];
	return new Response(toCsv([heading, ...rows]), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="actions.csv"',
			'Cache-Control': 'private, no-store'
		}
	});
};
