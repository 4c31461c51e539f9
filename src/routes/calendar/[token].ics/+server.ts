import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { feedCalendar, feedOwner } from '$lib/server/agenda/feeds';
import { withLocale } from '$lib/server/http/locale';
import { toLocale } from '$lib/i18n';
import { contentDisposition } from '$lib/server/http/content-disposition';

/**
 * A private calendar subscription: calendar apps have no session, the token in the URL is the
 * key. Unknown, revoked and disabled all answer the same bare 404.
 */
export const GET: RequestHandler = (event) => {
	const db = getDb();
	const owner = feedOwner(db, event.params.token);
	if (!owner) error(404, 'Not found');
	const origin = event.url.origin;
	// Apps send no useful Accept-Language: the texts follow the owner's language.
	const locale = toLocale(owner.preferredLocale) ?? event.locals.locale;
	const body = withLocale(locale, origin, () => feedCalendar(db, owner, origin));
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': contentDisposition('passerelle.ics', 'inline'),
			// The URL is a secret: no shared cache may keep a copy.
			'Cache-Control': 'private, no-store',
			'X-Robots-Tag': 'noindex'
		}
	});
};
