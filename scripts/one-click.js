// RFC 8058 one-click unsubscribe: a mail provider POSTs "List-Unsubscribe=One-Click" to the
// digest's /unsubscribe/<token> address from its own servers, with no Origin header, which
// SvelteKit's form CSRF check refuses before any hook runs. That route's only credential is the
// signed token in its path (no cookie is read), so a cross-site post cannot abuse it: for that
// path alone, an absent Origin is taken as the site's own. Every other post is checked as before.
const PATH = /^\/unsubscribe\/[^/?#]+\/?(\?.*)?$/;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string | undefined} origin the site's origin as SvelteKit sees it
 */
export function fillOneClickOrigin(req, origin) {
	if (origin && req.method === 'POST' && !req.headers.origin && PATH.test(req.url ?? '')) {
		req.headers.origin = origin;
	}
}
