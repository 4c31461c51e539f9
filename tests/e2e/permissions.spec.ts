// The permission matrix: every page and form action × every kind of person, from one table.
// Writes are posted with an empty form (as `use:enhance` would send them): a person allowed to
// act gets the form's own answer (200, a validation failure or success); one who may not gets
// 403 (may see, not change) or 404 (may not even see). Nothing here changes data on purpose.
//
// To cover a new route, add a row to ROUTES (and to LEAKS if it lists records). `guest` holds
// nothing but an evaluation link: its column must be the anonymous one on every signed-in page.
import {
	expect,
	test,
	request as playwrightRequest,
	type APIRequestContext
} from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, DEMO_PASSWORD } from '../pages/session';

const ROLES = [
	'anonymous',
	'guest',
	'outsider',
	'member',
	'otherCoordinator',
	'coordinator',
	'staff'
] as const;
type Role = (typeof ROLES)[number];

/**
 * The demo network seen from visit 1 (KEOOGO visiting DT, done): `member` and `coordinator` are
 * KEOOGO's, `otherCoordinator` is DT's (the host), `outsider` a member of AHEED, which took part in
 * none of visits 1, 2 and 5. Visit 5 (DT hosting RACINES) is still being prepared; visit 2
 * (RACINES at MAEECHA) carries the participants-only lesson 6 and an open evaluation with submitted
 * sheets. Actions 1–3 belong to KEOOGO. `guest` is a browser with a visit 2 evaluation link.
 */
const V1 = 1;
const V2 = 2;
const V5 = 5;

/** Expected status per role, in ROLES order; 'L' is the redirect to /login. */
type Row = { path: string; action?: string; expect: string; note?: string };

const ROUTES: Row[] = [
	// Pages
	{ path: '/', expect: 'L L 200 200 200 200 200' },
	{ path: '/visits', expect: 'L L 200 200 200 200 200' },
	{ path: '/visits/new', expect: 'L L 404 404 200 200 200' },
	{ path: `/visits/${V1}`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V5}`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/edit`, expect: 'L L 403 403 403 403 403', note: 'done: nobody edits' },
	{ path: `/visits/${V5}/edit`, expect: 'L L 403 403 403 403 200' },
	{ path: `/visits/${V1}/agenda`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/agenda/print`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/agenda.ics`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/delegation`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/delegation.csv`, expect: 'L L 200 200 200 200 200' },
	// Delegate 1 is KEOOGO's Safiatou Congo, 2 is Awa (the KEOOGO member). Whoever may not read a
	// delegate's details gets 404; the others 403, as visit 1 is done and its delegation frozen.
	{ path: `/visits/${V1}/delegation/1`, expect: 'L L 404 404 403 403 403', note: 'done: frozen' },
	{ path: `/visits/${V1}/delegation/2`, expect: 'L L 404 403 403 403 403', note: 'their own' },
	{ path: `/visits/${V2}/delegation`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V2}/delegation.csv`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/delegation.xlsx`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/lessons`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/actions`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V1}/report`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V2}/report`, expect: 'L L 200 200 200 200 200' },
	{ path: '/visits/999999', expect: 'L L 404 404 404 404 404' },
	{ path: '/lessons', expect: 'L L 200 200 200 200 200' },
	{ path: '/actions', expect: 'L L 200 200 200 200 200' },
	{ path: '/actions.csv', expect: 'L L 200 200 200 200 200' },
	{ path: '/actions.xlsx', expect: 'L L 200 200 200 200 200' },
	{ path: '/actions/1', expect: 'L L 200 200 200 200 200' },
	{ path: '/actions/999999', expect: 'L L 404 404 404 404 404' },
	{ path: '/dashboard', expect: 'L L 404 404 404 404 200' },
	{ path: '/organisations', expect: 'L L 200 200 200 200 200' },
	{ path: '/organisations/2', expect: 'L L 200 200 200 200 200' },
	{ path: '/organisations/999999', expect: 'L L 404 404 404 404 404' },
	{ path: '/peers', expect: 'L L 200 200 200 200 200' },
	{ path: '/peers?q=lecture', expect: 'L L 200 200 200 200 200' },
	{ path: '/peers/suggestions', expect: 'L L 404 404 404 404 200' },
	{ path: '/peers/suggestions.csv', expect: 'L L 404 404 404 404 200' },
	{ path: '/peers/suggestions.xlsx', expect: 'L L 404 404 404 404 200' },
	{ path: '/notifications', expect: 'L L 200 200 200 200 200' },
	{ path: '/account', expect: 'L L 200 200 200 200 200' },
	{ path: '/invitations', expect: 'L L 404 404 200 200 200' },
	{ path: '/admin', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/audit', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/organisations', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/organisations/new', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/organisations/2', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/outbox', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/people/2', expect: 'L L 404 404 404 404 200' },
	{ path: '/admin/themes', expect: 'L L 404 404 404 404 200' },
	// Evaluation (issue 6): visit 2 has an open evaluation with submitted sheets; visit 1 none.
	{ path: '/admin/evaluation', expect: 'L L 404 404 404 404 200' },
	{
		path: `/visits/${V1}/evaluation`,
		expect: 'L L 404 200 200 200 200',
		note: 'open (beforeAll): the member has a sheet there'
	},
	{ path: `/visits/${V2}/evaluation`, expect: 'L L 404 404 404 404 200' },
	{ path: `/visits/${V2}/evaluation/results`, expect: 'L L 404 404 404 404 200' },
	{ path: `/visits/${V2}/evaluation/results.csv`, expect: 'L L 404 404 404 404 200' },
	{ path: `/visits/${V2}/evaluation/results.xlsx`, expect: 'L L 404 404 404 404 200' },
	{
		path: `/visits/${V2}/evaluation/sheet`,
		expect: 'L L 404 404 404 404 404',
		note: 'no sheet of theirs'
	},
	{ path: '/evaluations', expect: 'L L 404 404 404 404 200' },
	{ path: '/e/{guest}', expect: '200 200 200 200 200 200 200', note: 'the link is the key' },
	{
		path: '/e/not-a-token',
		expect: '404 404 404 404 404 429 429',
		note: 'one address, five wrong links: refused'
	},
	// Lessons (issue 7): lesson 1 is KEOOGO's (visit 1), 6 RACINES's participants-only (visit 2).
	{ path: `/visits/${V1}/lessons/1`, expect: 'L L 200 200 200 200 200' },
	{ path: `/visits/${V2}/lessons/6`, expect: 'L L 404 404 404 404 200' },
	{ path: '/attachments/{attachment}', expect: 'L L 404 404 404 404 200' },
	{ path: '/attachments/999999', expect: 'L L 404 404 404 404 404' },
	{ path: '/login', expect: '200 200 303 303 303 303 303' },
	{ path: '/health', expect: '200 200 200 200 200 200 200' },
	{ path: '/calendar/not-a-token.ics', expect: '404 404 404 404 404 404 404' },
	{ path: '/invite/not-a-token', expect: '404 404 404 404 404 404 404' },
	// The digest's unsubscribe link (issue 18): the signed token is the key, for anyone holding it.
	{
		path: `/unsubscribe/1.${'A'.repeat(43)}`,
		expect: '200 200 200 200 200 200 200',
		note: 'a forged link: the page says it is not valid'
	},
	// Form actions, empty forms. Left out on purpose, as they change the signed-in person's own
	// data whatever the form holds: logout, language, account?/createFeed and ?/signOutOthers,
	// notifications?/readAll (their specs cover them).
	{
		path: `/visits/${V1}`,
		action: 'move',
		expect: 'L L 400 400 400 400 400',
		note: 'no transition named'
	},
	{ path: `/visits/${V1}`, action: 'deleteDraft', expect: 'L L 403 403 403 403 403' },
	{ path: `/visits/${V5}`, action: 'answer', expect: 'L L 400 400 400 400 400' },
	{
		path: `/visits/${V5}`,
		action: 'dates',
		expect: 'L L 200 200 200 200 200',
		note: 'form checked first'
	},
	{ path: `/visits/${V5}`, action: 'answerDates', expect: 'L L 404 404 404 404 404' },
	{ path: `/visits/${V5}/edit`, action: 'default', expect: 'L L 403 403 403 403 200' },
	{ path: '/visits/new', action: 'default', expect: 'L L 404 404 200 200 200' },
	{ path: `/visits/${V1}/agenda`, action: 'add', expect: 'L L 403 403 403 403 403' },
	{ path: `/visits/${V5}/agenda`, action: 'add', expect: 'L L 403 403 403 403 200' },
	{ path: `/visits/${V5}/agenda`, action: 'update', expect: 'L L 403 403 403 403 404' },
	{ path: `/visits/${V5}/agenda`, action: 'delete', expect: 'L L 403 403 403 403 404' },
	{ path: `/visits/${V5}/agenda`, action: 'move', expect: 'L L 403 403 403 403 200' },
	{ path: `/visits/${V5}/agenda`, action: 'duplicate', expect: 'L L 403 403 403 403 200' },
	{ path: `/visits/${V5}/agenda`, action: 'place', expect: 'L L 403 403 403 403 404' },
	{ path: `/visits/${V5}/agenda`, action: 'copyDay', expect: 'L L 403 403 403 403 200' },
	{ path: `/visits/${V1}/delegation`, action: 'add', expect: 'L L 403 403 403 403 403' },
	{ path: `/visits/${V1}/delegation`, action: 'remove', expect: 'L L 404 404 404 404 404' },
	{ path: `/visits/${V1}/delegation/1`, action: 'save', expect: 'L L 404 404 403 403 403' },
	{ path: `/visits/${V1}/lessons`, action: 'create', expect: 'L L 403 200 200 200 200' },
	{ path: `/visits/${V1}/actions`, action: 'create', expect: 'L L 403 403 200 200 200' },
	{ path: '/actions/1', action: 'progress', expect: 'L L 403 200 403 200 200' },
	{ path: '/actions/1', action: 'edit', expect: 'L L 403 403 403 200 200' },
	{ path: '/notifications', action: 'read', expect: 'L L 404 404 404 404 404' },
	{ path: '/account', action: 'profile', expect: 'L L 200 200 200 200 200' },
	{ path: '/account', action: 'password', expect: 'L L 200 200 200 200 200' },
	{ path: '/account', action: 'notifications', expect: 'L L 200 200 200 200 200' },
	{ path: '/account', action: 'revokeFeed', expect: 'L L 404 404 404 404 404' },
	{ path: '/invitations', action: 'create', expect: 'L L 404 404 200 200 200' },
	{ path: '/invitations', action: 'revoke', expect: 'L L 404 404 404 404 404' },
	{ path: '/invitations', action: 'resend', expect: 'L L 404 404 404 404 404' },
	{
		path: '/admin/evaluation',
		action: 'save',
		expect: 'L L 403 403 403 403 200',
		note: 'empty: refused'
	},
	{
		path: `/visits/${V2}/evaluation`,
		action: 'open',
		expect: 'L L 403 403 403 403 200',
		note: 'already open'
	},
	{
		path: `/visits/${V1}/evaluation`,
		action: 'remind',
		expect: 'L L 403 403 200 200 200',
		note: 'open (beforeAll)'
	},
	{
		path: `/visits/${V2}/evaluation`,
		action: 'remind',
		expect: 'L L 403 403 403 403 200',
		note: 'all reminded in beforeAll: nobody again'
	},
	{
		path: `/visits/${V1}/lessons/1`,
		action: 'update',
		expect: 'L L 403 403 403 200 200',
		note: 'empty: refused'
	},
	{
		path: `/visits/${V1}/lessons/1`,
		action: 'attach',
		expect: 'L L 403 200 403 200 200',
		note: 'no file'
	},
	{ path: `/visits/${V1}/lessons/1`, action: 'detach', expect: 'L L 404 404 404 404 404' },
	{
		path: `/visits/${V2}/lessons/6`,
		action: 'attach',
		expect: 'L L 404 404 404 404 200',
		note: 'no file'
	},
	{
		path: `/visits/${V1}/lessons/{lesson}`,
		action: 'delete',
		expect: 'L L 403 403 403 303 404',
		note: 'a lesson made for this: the first allowed deletes it'
	},
	{ path: '/admin', action: 'disable', expect: 'L L 403 403 403 403 404' },
	{ path: '/admin/organisations/2', action: 'save', expect: 'L L 403 403 403 403 200' },
	{
		path: '/admin/organisations/2',
		action: 'delete',
		expect: 'L L 403 403 403 403 200',
		note: 'in use: refused'
	},
	// ADEMA (7) has no member and no visit: archived, then restored.
	{ path: '/admin/organisations/7', action: 'archive', expect: 'L L 403 403 403 403 200' },
	{ path: '/admin/organisations/7', action: 'restore', expect: 'L L 403 403 403 403 200' },
	{ path: '/admin/organisations/new', action: 'save', expect: 'L L 403 403 403 403 200' },
	// KEOOGO's profile: its coordinators and staff edit it (an empty form names no entry: 404).
	{ path: '/organisations/2', action: 'add', expect: 'L L 403 403 403 200 200' },
	{ path: '/organisations/2', action: 'edit', expect: 'L L 403 403 403 404 404' },
	{ path: '/organisations/2', action: 'remove', expect: 'L L 403 403 403 404 404' },
	{ path: '/organisations/999999', action: 'add', expect: 'L L 404 404 404 404 404' },
	{ path: '/admin/people/2', action: 'role', expect: 'L L 403 403 403 403 200' },
	{
		path: '/admin/people/2',
		action: 'globalRole',
		expect: 'L L 404 404 404 404 404',
		note: 'admins only'
	},
	{ path: '/admin/people/2', action: 'membership', expect: 'L L 403 403 403 403 200' },
	{ path: '/admin/people/2', action: 'removeMembership', expect: 'L L 403 403 403 403 404' },
	{ path: '/admin/themes', action: 'create', expect: 'L L 403 403 403 403 200' },
	{ path: '/admin/themes', action: 'update', expect: 'L L 403 403 403 403 404' },
	// Last: staff disables the outsider (whose session ends), then enables them again.
	{ path: '/admin/people/{outsider}', action: 'disable', expect: 'L L 403 403 403 403 200' },
	{ path: '/admin/people/{outsider}', action: 'enable', expect: 'L L L 403 403 403 200' }
];

/**
 * Where participants-only records could slip out: for each role, these answers must not contain
 * the secret (what lesson 6 observed; its title is also an agenda session's, which all may read).
 * Only visit 2's organisations (none of the roles here) and staff may see it.
 */
const SECRET = 'Chaque étape d’une activité est décrite et outillée';
/** A delegate's answer on visit 2's evaluation sheet (demo/evaluation-data.ts). */
const ANSWER = 'la bibliothèque mobile dans le Nyumakele';
/**
 * Delegates' personal data (DESIGN.md "Personal data is need-to-know"): Safiatou Congo (KEOOGO,
 * visit 1) is given special needs in beforeAll; her e-mail and needs are for the coordinators of
 * visit 1's organisations and staff, not for the KEOOGO member (neither coordinator nor her) nor
 * the outsider. Visit 2's delegates are no business of KEOOGO's or DT's coordinators.
 */
const NEEDS = 'Régime sans arachide, fauteuil roulant (matrice)';
const EMAIL = 'safiatou.congo@keoogo.example.org';
const V2_EMAIL = 'tobias.gbaguidi@racines.example.org';
const V1_READERS: Role[] = ['otherCoordinator', 'coordinator', 'staff'];
/** Lesson 6's title: shown on profiles and in the finder only to those who may read it. */
const SECRET_TITLE = 'Documenter et outiller chaque étape d’une activité de lecture';
const LEAKS: { path: string; visibleTo: Role[]; secret?: string }[] = [
	...[`/visits/${V1}/delegation`, `/visits/${V1}/delegation.csv`].flatMap((path) => [
		{ path, secret: EMAIL, visibleTo: V1_READERS },
		{ path, secret: NEEDS, visibleTo: V1_READERS }
	]),
	// Pages that show no delegate details to anyone (the delegate page is frozen: 403 or 404).
	...[
		`/visits/${V1}/delegation/1`,
		`/visits/${V1}/report`,
		`/visits/${V1}/agenda/print`,
		`/visits/${V1}/agenda`,
		`/visits/${V1}`
	].flatMap((path) => [
		{ path, secret: EMAIL, visibleTo: [] },
		{ path, secret: NEEDS, visibleTo: [] }
	]),
	// Names are details too: the member sees their own, and only functions of the others. (The
	// report names her anyway, as the lead of two programme sessions: the programme is public.)
	{ path: `/visits/${V1}/delegation`, secret: 'Safiatou Congo', visibleTo: V1_READERS },
	...[`/visits/${V2}/delegation`, `/visits/${V2}/delegation.csv`].map((path) => ({
		path,
		secret: V2_EMAIL,
		visibleTo: ['staff'] as Role[]
	})),
	{ path: `/visits/${V2}/report`, secret: V2_EMAIL, visibleTo: [] },
	{ path: `/visits/${V2}/report`, secret: 'Vital Amoussou', visibleTo: ['staff'] },
	{ path: '/attachments/{attachment}', visibleTo: ['staff'] },
	{ path: `/visits/${V2}/evaluation/results`, visibleTo: ['staff'], secret: ANSWER },
	{ path: `/visits/${V2}/evaluation/results.csv`, visibleTo: ['staff'], secret: ANSWER },
	{ path: '/evaluations', visibleTo: [], secret: ANSWER },
	{ path: '/lessons?q=Documenter', visibleTo: ['staff'] },
	{ path: '/lessons', visibleTo: ['staff'] },
	{ path: `/visits/${V2}/lessons`, visibleTo: ['staff'] },
	{ path: `/visits/${V2}/report`, visibleTo: ['staff'] },
	{ path: '/actions.csv', visibleTo: [] },
	{ path: '/organisations/5', visibleTo: ['staff'], secret: SECRET_TITLE },
	{ path: '/organisations/4', visibleTo: ['staff'], secret: SECRET_TITLE },
	// Matched words are marked up in the finder: the link to lesson 6 is what would leak there.
	{ path: '/peers?q=outiller', visibleTo: ['staff'], secret: '/lessons#lesson-6"' },
	{ path: `/visits/${V2}/agenda.ics`, visibleTo: [] },
	{ path: '/', visibleTo: [] }
];

const clients = new Map<Role, APIRequestContext>();
let baseURL = '';
let outsiderId = '';
/** Made in beforeAll: the guest's evaluation path, a lesson to delete, a secret document. */
const made = { guest: '', lesson: '', attachment: '' };
/** A PDF (the type comes from the bytes) that carries the secret in its text. */
const SECRET_PDF = Buffer.from(`%PDF-1.4\n% ${SECRET}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const form = (baseURL: string) => ({ Origin: baseURL, Accept: 'application/json' });

async function signedIn(email: string, password = DEMO_PASSWORD) {
	const context = await playwrightRequest.newContext({ baseURL });
	const res = await context.post('/login', {
		form: { email, password },
		headers: { Origin: baseURL, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `sign-in as ${email}`).toBe(303);
	return context;
}

/** The e2e server's throwaway database (scripts/e2e-server.js writes where it is). */
function withDatabase<T>(use: (db: Database.Database) => T): T {
	const port = new URL(baseURL).port;
	const db = new Database(readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim());
	db.pragma('busy_timeout = 5000');
	try {
		return use(db);
	} finally {
		db.close();
	}
}

/** A member of AHEED, invited by staff through the outbox like anyone else. */
async function outsider(staff: APIRequestContext) {
	const email = `outsider-${Date.now().toString(36)}@aheed.example.org`;
	const created = await staff.post('/invitations?/create', {
		form: { email, organisationId: '6', role: 'member', globalRole: '' },
		headers: { Origin: baseURL, Accept: 'application/json' }
	});
	expect(await created.text()).toContain('"type":"success"');
	const outbox = await (await staff.get('/admin/outbox')).text();
	const at = outbox.indexOf(email);
	const link = /\/invite\/[a-z2-7]{64}/.exec(outbox.slice(at))?.[0];
	expect(link, 'the invitation link in the outbox').toBeTruthy();
	const context = await playwrightRequest.newContext({ baseURL });
	const joined = await context.post(link!, {
		form: { name: 'Personne extérieure', password: 'mot de passe du test', locale: 'fr' },
		headers: { Origin: baseURL, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(joined.status()).toBe(303);
	outsiderId = String(
		(
			withDatabase((db) => db.prepare('SELECT id FROM users WHERE email = ?').get(email)) as {
				id: number;
			}
		)?.id ?? ''
	);
	expect(outsiderId, 'the outsider in the list of people').toMatch(/^\d+$/);
	return context;
}

test.beforeAll(async ({}, info) => {
	baseURL = String(info.project.use.baseURL);
	clients.set('anonymous', await playwrightRequest.newContext({ baseURL }));
	clients.set('member', await signedIn(ACCOUNTS.keoogoMember));
	clients.set('otherCoordinator', await signedIn(ACCOUNTS.dtCoordinator));
	clients.set('coordinator', await signedIn(ACCOUNTS.keoogoCoordinator));
	clients.set('staff', await signedIn(ACCOUNTS.staff));
	clients.set('outsider', await outsider(clients.get('staff')!));
	await prepare(clients.get('staff')!, clients.get('coordinator')!);
	// The guest opens their link first: whatever it leaves behind (cookies) is theirs in every row.
	const guest = await playwrightRequest.newContext({ baseURL });
	expect((await guest.get(`/e/${made.guest}`)).status()).toBe(200);
	clients.set('guest', guest);
});

/**
 * The guest link: staff remind visit 2's delegates who have not submitted, and the newest link
 * is read from the outbox (as evaluation.spec.ts does). A lesson of KEOOGO's for the delete row;
 * a document on the participants-only lesson 6, detached again in afterAll.
 */
async function prepare(staff: APIRequestContext, coordinator: APIRequestContext) {
	// Special needs for the leak checks (the demo gives nobody any); taken away in afterAll.
	withDatabase((db) =>
		db.prepare('UPDATE delegates SET needs = ? WHERE email = ?').run(NEEDS, EMAIL)
	);
	// Other specs may have opened visit 1's evaluation or tried wrong links before this one: the
	// same state whatever ran first (opening again is refused and changes nothing).
	await staff.post(`/visits/${V1}/evaluation?/open`, { form: {}, headers: form(baseURL) });
	withDatabase((db) =>
		db.prepare("DELETE FROM login_throttle WHERE key LIKE 'evaluation-link|%'").run()
	);
	const reminded = await staff.post(`/visits/${V2}/evaluation?/remind`, {
		form: {},
		headers: form(baseURL)
	});
	expect(await reminded.text()).toContain('"type":"success"');
	const outbox = await (await staff.get('/admin/outbox')).text();
	made.guest = /\/e\/[a-z2-7]{64}/.exec(outbox)?.[0].slice(3) ?? '';
	expect(made.guest, 'an evaluation link in the outbox').toMatch(/^[a-z2-7]{64}$/);
	const created = await coordinator.post(`/visits/${V1}/lessons?/create`, {
		form: {
			organisationId: '2',
			title: 'Leçon de la matrice',
			observed: 'Observé',
			adaptation: 'À adapter',
			visibility: 'network'
		},
		headers: { Origin: baseURL, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(created.status()).toBeLessThan(400);
	const lessons = await (await coordinator.get(`/visits/${V1}/lessons`)).text();
	const before = lessons.slice(0, lessons.indexOf('Leçon de la matrice'));
	made.lesson = [...before.matchAll(/\/lessons\/(\d+)"/g)].pop()?.[1] ?? '';
	expect(made.lesson, 'the lesson made for the delete row').toMatch(/^\d+$/);
	const attached = await staff.post(`/visits/${V2}/lessons/6?/attach`, {
		multipart: { file: { name: 'secret.pdf', mimeType: 'application/pdf', buffer: SECRET_PDF } },
		headers: { Origin: baseURL, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(attached.status()).toBeLessThan(400);
	// Other specs may have left documents on lesson 6: take this one's id.
	const row = withDatabase((db) =>
		db
			.prepare(
				"SELECT id FROM attachments WHERE lesson_id = 6 AND filename = 'secret.pdf' ORDER BY id DESC"
			)
			.get()
	) as { id: number } | undefined;
	made.attachment = String(row?.id ?? '');
	expect(made.attachment, 'the document on lesson 6').toMatch(/^\d+$/);
}

test.afterAll(async () => {
	const detached = await clients.get('staff')?.post(`/visits/${V2}/lessons/6?/detach`, {
		form: { attachmentId: made.attachment },
		headers: form(baseURL)
	});
	expect(await detached?.text()).toContain('"type":"success"');
	withDatabase((db) => db.prepare("UPDATE delegates SET needs = '' WHERE email = ?").run(EMAIL));
	for (const c of clients.values()) await c.dispose();
});

/** What a role gets: the HTTP status, 'L' for the sign-in redirect, 200 for an action that ran. */
async function observe(client: APIRequestContext, row: Row) {
	const path = row.path
		.replace('{outsider}', outsiderId)
		.replace('{guest}', made.guest)
		.replace('{lesson}', made.lesson)
		.replace('{attachment}', made.attachment);
	const res = row.action
		? await client.post(row.action === 'default' ? path : `${path}?/${row.action}`, {
				form: {},
				headers: { Origin: baseURL, Accept: 'application/json', 'x-sveltekit-action': 'true' },
				maxRedirects: 0
			})
		: await client.get(path, { maxRedirects: 0 });
	const location = res.headers()['location'] ?? '';
	if (res.status() === 303 && location.startsWith('/login')) return 'L';
	const body = await res.text();
	expect(body, `${row.path} ${row.action ?? ''}: no stack trace or SQL`).not.toMatch(
		/\bat \S+ \(|SQLITE_|sqlite_master|SELECT .* FROM /
	);
	if (!row.action) return String(res.status());
	// use:enhance answers: the action ran (its own failure or success), a redirect, or an error.
	const result = JSON.parse(body) as { type: string; location?: string };
	if (result.type === 'redirect') return result.location?.startsWith('/login') ? 'L' : '303';
	return result.type === 'error' ? String(res.status()) : '200';
}

test('participants-only lessons, their documents, evaluation answers and delegates’ details never leak', async () => {
	const leaks: string[] = [];
	for (const { path: template, visibleTo, secret = SECRET } of LEAKS) {
		const path = template.replace('{attachment}', made.attachment);
		for (const role of ROLES.filter((r) => r !== 'anonymous' && r !== 'guest')) {
			const body = await (await clients.get(role)!.get(path, { maxRedirects: 0 })).text();
			const seen = body.includes(secret);
			if (seen !== visibleTo.includes(role))
				leaks.push(`${path} as ${role}: ${seen ? 'shown' : 'hidden'}`);
		}
	}
	expect(leaks).toEqual([]);
});

test(`permission matrix: ${ROUTES.length} routes × ${ROLES.length} roles`, async () => {
	test.setTimeout(120_000);
	const mismatches: string[] = [];
	for (const row of ROUTES) {
		const expected = row.expect.split(' ');
		const seen: string[] = [];
		for (const [i, role] of ROLES.entries()) {
			const got = await observe(clients.get(role)!, row);
			seen.push(got);
			if (got !== expected[i]) {
				mismatches.push(
					`${row.action ? 'POST' : 'GET'} ${row.path}${row.action ? `?/${row.action}` : ''} as ${role}: expected ${expected[i]}, got ${got}`
				);
			}
		}
		// MATRIX_PRINT=1 prints what each route answers, to write a new row's expectations.
		if (process.env.MATRIX_PRINT)
			console.log(`${row.path} ${row.action ?? ''} '${seen.join(' ')}'`);
	}
	expect(mismatches).toEqual([]);
});

test('built scripts and styles (served before the hooks run) carry nosniff and the referrer policy', async () => {
	const anonymous = clients.get('anonymous')!;
	const html = await (await anonymous.get('/login')).text();
	const assets = [...new Set(html.match(/\/_app\/immutable\/[^"'\s]+\.(?:js|css)/g) ?? [])];
	expect(assets.length).toBeGreaterThan(0);
	for (const path of assets.slice(0, 3)) {
		const response = await anonymous.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
		expect(response.headers()['referrer-policy'], path).toBe('same-origin');
	}
});

test('pages, files and errors carry the security headers; pages forbid framing through CSP', async () => {
	const staff = clients.get('staff')!;
	for (const path of [
		'/visits',
		'/actions.csv',
		`/visits/${V1}/agenda.ics`,
		'/nowhere',
		'/login'
	]) {
		const client = path === '/login' ? clients.get('anonymous')! : staff;
		const headers = (await client.get(path, { maxRedirects: 0 })).headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('same-origin');
		expect(headers['x-frame-options'], path).toBe('DENY');
		if (!/\.(csv|ics)$/.test(path)) {
			expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
			expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-/);
		}
	}
});
