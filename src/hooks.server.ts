import { building } from '$app/environment';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { DEFAULT_DATABASE_PATH, getDb, openDatabase, setDb } from '$lib/server/db';
import {
	SESSION_COOKIE,
	deleteExpiredSessions,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/accounts/sessions';
import { resolveLocale, withLocale } from '$lib/server/http/locale';
import { formBodies } from '$lib/server/http/body-hook';
import { cacheControl, ownerKey } from '$lib/server/http/cache-policy';
import { OWNER_HEADER } from '$lib/offline/keepable';
import { seedDemo } from '$lib/server/demo/seed';
import { startMailer } from '$lib/server/notifications/mailer';
import { appOrigin, startJobs } from '$lib/server/jobs/runner';
import { countUsers, firstAdminInvitation } from '$lib/server/accounts/invitations';
import { LOCALE_COOKIE, textDirection } from '$lib/i18n';
import { warmSummaries } from '$lib/server/jobs/warm';

export const init: ServerInit = async () => {
	if (building) return;
	const db = openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
	setDb(db);
	deleteExpiredSessions(db);
	const origin = appOrigin();
	if (process.env.DEMO_DATA === '1' && (await seedDemo(db, new Date(), origin))) {
		console.log('Passerelle: demo network written into the empty database.');
	}
	if (process.env.SMTP_URL) {
		startMailer(
			db,
			process.env.SMTP_URL,
			process.env.MAIL_FROM || 'Passerelle <no-reply@localhost>',
			origin
		);
	}
	// Unit tests import server modules but never start a server; keep their timers out anyway.
	// Benchmarks turn them off too (JOBS_DISABLED=1): a job writing mid-run skews the figures.
	if (!process.env.VITEST && process.env.JOBS_DISABLED !== '1') startJobs(db, { origin });
	// The summaries kept per data generation take up to seconds at network scale (the map reads
	// its gazetteer the first time): computed now, before the server listens (adapter-node awaits
	// `init`), so that no request after a deploy waits for them. Later rebuilds run between
	// requests (db/version.ts).
	if (!process.env.VITEST) {
		const ms = await warmSummaries(db);
		console.log(`Passerelle: summaries computed in ${Math.round(ms)} ms.`);
	}
	const link = firstAdminInvitation(db, origin);
	if (link) {
		console.log(
			`\nPasserelle has no account yet. Create the first admin account here` +
				` (single use, valid 14 days; a restart prints a new one):\n\n  ${link}\n`
		);
	}
};

/** Until the first account exists, only the first-admin link and the setup notice answer. */
let needsSetup = true;
const SETUP_PATHS = ['/invite/', '/setup', '/language', '/health'];

const setup: Handle = ({ event, resolve }) => {
	if (needsSetup) needsSetup = countUsers(getDb()) === 0;
	const path = event.url.pathname;
	if (needsSetup && !SETUP_PATHS.some((p) => path.startsWith(p))) redirect(303, '/setup');
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const secure = event.url.protocol === 'https:';
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const { session, user } = validateSessionToken(getDb(), token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, secure);
			event.locals.session = session;
			event.locals.user = user;
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

const locale: Handle = ({ event, resolve }) => {
	const current = resolveLocale({
		preferred: event.locals.user?.preferredLocale,
		cookie: event.cookies.get(LOCALE_COOKIE),
		// An evaluation link says which language its mail was written in; a choice made with the
		// switcher (the cookie) still comes first.
		link: event.url.pathname.startsWith('/e/') ? event.url.searchParams.get('lang') : null,
		request: event.request
	});
	event.locals.locale = current;
	return withLocale(current, event.url.origin, () =>
		resolve(event, {
			// One replacement (one copy of the page) instead of two.
			transformPageChunk: ({ html }) =>
				html.replace('"%lang%" dir="%dir%"', `"${current}" dir="${textDirection(current)}"`)
		})
	);
};

/**
 * Paths an anonymous visitor may open; everything else sends them to sign in. Calendar feeds are
 * fetched by apps without a session, evaluation sheets (/e/) filled without an account, the
 * digest's unsubscribe link (/unsubscribe/) followed from a mail: their token is checked by the route.
 */
const PUBLIC_PATHS = [
	'/login',
	'/logout',
	'/language',
	'/health',
	'/invite',
	'/setup',
	'/calendar',
	'/e',
	'/unsubscribe'
];

const guard: Handle = ({ event, resolve }) => {
	const path = event.url.pathname;
	const isPublic = PUBLIC_PATHS.some((p) => path === p || path.startsWith(p + '/'));
	if (!event.locals.user && !isPublic && event.route.id !== null) {
		const back = path === '/' ? '' : `?redirectTo=${encodeURIComponent(path + event.url.search)}`;
		redirect(303, `/login${back}`);
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	// The server's own time to 0.01 ms: the benchmark reads growth and one-user latency from it,
	// which the client's whole-millisecond figures (network, queueing) cannot resolve.
	response.headers.set('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	const path = event.url.pathname;
	const userId = event.locals.user?.id ?? null;
	const policy = cacheControl({
		pathname: path,
		userId,
		current: response.headers.get('Cache-Control'),
		status: response.status
	});
	if (policy) response.headers.set('Cache-Control', policy);
	// The service worker files kept pages under this key (the offline kit, $lib/offline).
	const owner = response.status === 200 ? await ownerKey(path, userId) : null;
	if (owner) response.headers.set(OWNER_HEADER, owner);
	return response;
};

// `headers` first: what `formBodies` answers itself gets them too. `formBodies` after `locale`
// (its message is translated) and before `guard`: an unreadable body is a 4xx for anyone.
export const handle = sequence(headers, setup, session, locale, formBodies, guard);

/**
 * Unexpected errors: the details (stack, SQL) go to the server log under a short id; the page
 * shows a generic message and that id only. 404s and other expected statuses carry no details.
 */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status < 500) return { message };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`Passerelle error ${id}:`, error);
	return { message: 'Internal Error', id };
};
