// Form posts are read here, in `handle` (hooks.server.ts), before any action runs: a body that
// cannot be read gets a 4xx and a translated message, signed in or not, and no action sees it;
// the others reach their action as a FormRequest, whose formData() is the form already read.
import type { Handle } from '@sveltejs/kit';
import { getLocale, m, textDirection } from '$lib/i18n';
import {
	FORM_BODY_LIMIT,
	FormRequest,
	UPLOAD_BODY_LIMIT,
	UnreadableRequest,
	readFormBody,
	type Unreadable
} from './body';

/** Form actions that receive files: route id → action name. */
const UPLOADS: Record<string, string> = {
	'/(app)/visits/[id=id]/lessons/[lesson=id]': 'attach'
};

export function isUpload(routeId: string | null, url: URL): boolean {
	const action = routeId ? UPLOADS[routeId] : undefined;
	return !!action && url.searchParams.has(`/${action}`);
}

/**
 * Only signed-in uploads may be large (adapter-node's BODY_SIZE_LIMIT is set for them); every
 * other form, and any post from someone not signed in, gets the form limit.
 */
export const formBodies: Handle = async ({ event, resolve }) => {
	// Every POST route is a page with form actions (the +server endpoints answer GET only). A
	// post to no route is read too: its 404 then reaches a client that is still sending.
	if (event.request.method !== 'POST') return resolve(event);
	const upload = !!event.locals.user && isUpload(event.route.id, event.url);
	const read = await readFormBody(event.request, upload ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT);
	if (!read.ok) {
		// One line, no stack: a cut connection or a broken client is not a bug of ours.
		console.warn(
			`Passerelle: unreadable form body, ${read.status} (${read.reason}: ${read.detail}) ` +
				`for POST ${event.url.pathname}${event.url.search.slice(0, 40)}`
		);
		// The upload form answers for itself, in the page beside the file field (http/lesson.ts
		// receiveUpload catches a formData() that fails): no action there writes without it.
		if (upload) {
			event.request = new UnreadableRequest(event.request, read);
			return resolve(event);
		}
		return unreadableAnswer(event.request, event.url, read, upload);
	}
	event.request = new FormRequest(event.request, read.form);
	return resolve(event);
};

/**
 * The answer to an unreadable body, in the language of the request: what `use:enhance` expects
 * from a failed action (it shows the error page with this message), an HTML page for a browser
 * posting without JavaScript, plain text otherwise.
 */
export function unreadableAnswer(
	request: Request,
	url: URL,
	problem: Unreadable,
	upload: boolean
): Response {
	const message =
		problem.reason !== 'too_large'
			? m.form_body_unreadable()
			: upload
				? m.attachment_error_too_large()
				: m.form_body_too_large();
	const { status } = problem;
	const accept = request.headers.get('accept') ?? '';
	if (accept.includes('application/json')) {
		return Response.json({ type: 'error', error: { message, unreadable: true } }, { status });
	}
	if (!accept.includes('text/html')) {
		return new Response(message + '\n', {
			status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const locale = getLocale();
	const title = m.error_title({ status });
	const html = `<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${escape(m.app_name())}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p>
<p><a href="${escape(url.pathname)}">${escape(m.form_body_back())}</a></p></main></body>
</html>
`;
	return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const escape = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
