import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readableVisit } from '$lib/server/http/visit';
import { calendarFileName, visitCalendar } from '$lib/server/agenda/calendar';
import { contentDisposition } from '$lib/server/http/content-disposition';

/**
 * The visit's programme as a calendar file. An endpoint runs no layout load: readableVisit sends
 * anonymous people to sign in and answers 404 for a visit they may not read.
 */
export const GET: RequestHandler = (event) => {
	const { visit } = readableVisit(event);
	return new Response(visitCalendar(getDb(), visit, event.url.origin), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': contentDisposition(calendarFileName(visit)),
			'Cache-Control': 'private, no-store'
		}
	});
};
