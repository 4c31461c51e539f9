// `npm run test:fuzz [-- --runs N] [--only name,name…]` (or FUZZ_RUNS=N): property-based attacks on
// every form action and endpoint of fuzz-targets.js, over HTTP against the production server on a
// scratch demo database. For each case: never a 5xx, never a stack trace or SQL in the answer,
// and an answer that rejects the input (or any GET) leaves every domain row as it was (checksum
// of the domain tables; audit, throttling and session tables left out). A third of the posts
// carry a body the server cannot read (lib.js MALFORMED: cut-off multipart, not a form, not
// UTF-8, broken percent-encoding, over the limit), signed in or not: those must get a 4xx.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { TARGETS } from './fuzz-targets.js';
import {
	ACCOUNTS,
	DEMO_PASSWORD,
	MALFORMED,
	malformedBody,
	openDb,
	setUp,
	signIn,
	stopServer,
	tearDown
} from './lib.js';

const { options, dir, database, server } = await setUp('fuzz');
const { child, origin } = server;
const runs = Number(options.runs ?? process.env.FUZZ_RUNS ?? 1000);

const cookies = { anonymous: '' };
const ROLES = {
	staff: ACCOUNTS.staff,
	coordinator: ACCOUNTS.keoogoCoordinator,
	dtCoordinator: ACCOUNTS.dtCoordinator,
	member: ACCOUNTS.keoogoMember
};
for (const [role, email] of Object.entries(ROLES)) {
	cookies[role] = await signIn(origin, email, DEMO_PASSWORD);
}

// Real evaluation links: the staff remind visit 2's delegates who have not submitted, and the
// links are read back from the outbox. Cases submit and resend them, so later cases replay
// links of submitted sheets and links that were replaced.
const reminded = await fetch(`${origin}/visits/2/evaluation?/remind`, {
	method: 'POST',
	headers: {
		origin,
		cookie: cookies.staff,
		accept: 'application/json',
		'x-sveltekit-action': 'true',
		'content-type': 'application/x-www-form-urlencoded'
	},
	body: ''
});
if (!(await reminded.text()).includes('"type":"success"')) throw new Error('no reminder sent');

const db = openDb(database);
const ids = (sql) => db.prepare(sql).pluck().all().map(String);
/** Real ids, so that cases hit records of other organisations, not only missing ones. */
const REAL = {
	id: [
		...new Set([...ids('SELECT id FROM visits'), ...ids('SELECT id FROM agenda_items LIMIT 20')])
	],
	orgId: ids('SELECT id FROM organisations'),
	// Not the accounts the harness signs in with: a case that disables them would blind the rest.
	userId: ids('SELECT id FROM users WHERE id > 3'),
	token: [
		...new Set(
			ids(`SELECT body FROM outbox WHERE body LIKE '%/e/%'`).flatMap((b) =>
				[...b.matchAll(/\/e\/([a-z2-7]{64})/g)].map((m) => m[1])
			)
		)
	]
};
if (!REAL.token.length) throw new Error('no evaluation link in the outbox');
/** The questions of visit 2's sheet, in order: `{qN}` in a target's field names. */
const QUESTIONS = ids(
	`SELECT q.id FROM evaluation_questions q JOIN evaluations e ON e.template_id = q.template_id
	 WHERE e.visit_id = 2 ORDER BY q.position`
);
const LESSON_VERSION = ids('SELECT updated_at FROM lessons WHERE id = 1')[0];
const realField = (name) => name.replace(/^\{q(\d+)\}$/, (_, n) => `q${QUESTIONS[n - 1]}`);
for (const target of TARGETS) {
	const rename = (o) =>
		o && Object.fromEntries(Object.entries(o).map(([k, v]) => [realField(k), v]));
	target.fields = rename(target.fields);
	target.valid = rename(target.valid);
	if (target.valid?.version === '{version}') target.valid.version = LESSON_VERSION;
}
const EXCLUDED = /^(audit_events|login_throttle|sessions|__drizzle_migrations|sqlite_.*|.*_fts.*)$/;
const DOMAIN_TABLES = ids(`SELECT name FROM sqlite_master WHERE type = 'table'`).filter(
	(t) => !EXCLUDED.test(t)
);

// Read receipts, not data: opening a private link records its first opening by design (the
// roster shows it), so a GET may set it; every other column must stay as it was.
const RECEIPTS = { evaluation_responses: ['first_opened_at'] };

function columnsOf(table) {
	const skip = RECEIPTS[table] ?? [];
	const names = db.pragma(`table_info("${table}")`).map((c) => c.name);
	return names
		.filter((n) => !skip.includes(n))
		.map((n) => `"${n}"`)
		.join(', ');
}

function checksum() {
	const hash = createHash('sha1');
	for (const table of DOMAIN_TABLES) {
		hash.update(table);
		for (const row of db
			.prepare(`SELECT ${columnsOf(table)} FROM "${table}"`)
			.raw()
			.iterate()) {
			hash.update(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
		}
	}
	return hash.digest('hex');
}

// Generators ---------------------------------------------------------------------------------

const NASTY = [
	'',
	' ',
	'\u0000',
	'\u0000x',
	' \u0000 ',
	'\u202e\u0644\u0627',
	'\ud800',
	'𝕏𝔂',
	'👩‍👩‍👧‍👦',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'"; DROP TABLE visits; --',
	'../../etc/passwd',
	'%00',
	'null',
	'undefined',
	'NaN',
	'Infinity',
	'-1',
	'0',
	'1e309',
	'9007199254740993',
	'[]',
	'{}',
	'true',
	'\r\n\r\n',
	'١٢٣'
];
const nasty = fc.constantFrom(...NASTY);
const unicode = fc.string({ unit: 'binary', maxLength: 120 });
const huge = fc
	.tuple(fc.constantFrom('é', 'a', '\u0000', '𝕏', 'ش'), fc.integer({ min: 2_000, max: 120_000 }))
	.map(([c, n]) => c.repeat(n));
const anyId = (real) =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...real) },
		fc.integer({ min: -3, max: 2_000_000 }).map(String),
		fc.constantFrom('1.5', '0x10', '1e3', ' 1', '01', '+2', '١', '99999999999999999999')
	);
const day = fc
	.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const date = fc.oneof(
	{ weight: 2, arbitrary: fc.constantFrom('2027-01-28', '2027-01-29', '2027-01-30', '2027-01-31') },
	{ weight: 2, arbitrary: day },
	fc.constantFrom(
		'2026-02-30',
		'2025-13-01',
		'0000-00-00',
		'99999-01-01',
		'2026-2-3',
		'2026/02/03',
		'2027-01-28T10:00',
		'2024-02-29',
		'2023-02-29'
	)
);
const time = fc.oneof(
	fc.constantFrom(
		'09:00',
		'10:30',
		'00:00',
		'23:59',
		'24:00',
		'25:61',
		'9:0',
		'12:00 PM',
		'-01:00'
	),
	fc
		.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 70 }))
		.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
);
const KINDS = {
	text: fc.string({ maxLength: 60 }),
	longtext: fc.string({ maxLength: 400 }),
	password: fc.string({ maxLength: 300 }),
	id: anyId(REAL.id),
	orgId: anyId(REAL.orgId),
	userId: anyId(REAL.userId),
	number: fc.oneof(
		fc.integer().map(String),
		fc.double().map(String),
		fc.constantFrom('1', '2', '0')
	),
	date,
	time,
	datetime: fc.oneof(
		fc.tuple(date, time).map(([d, t]) => `${d}T${t}`),
		fc.constantFrom('2027-01-28T10:00', '2027-01-31T25:00', '2027-02-30T10:00')
	),
	email: fc.oneof(
		fc.emailAddress(),
		fc.constantFrom(...Object.values(ACCOUNTS), 'a@b', '@', 'x@y.z'.repeat(60))
	),
	locale: fc.constantFrom('fr', 'en', 'es', 'ar', 'de', 'FR', ''),
	zone: fc.constantFrom('Africa/Ouagadougou', 'Europe/Paris', 'UTC', 'Mars/Olympus', '+01:00', ''),
	check: fc.constantFrom('on', '', 'off', 'true'),
	token: fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...REAL.token) },
		fc.stringMatching(/^[a-z2-7]{64}$/),
		fc.string({ maxLength: 80 }),
		fc.constantFrom('', '..', '%2e%2e', 'a'.repeat(5000))
	)
};
KINDS.answer = fc.oneof(
	fc.constantFrom('1', '2', '3', '4', '5', '0', '6', '-1', '2.5', '1e3', ' 3', 'oui', ''),
	fc.string({ maxLength: 200 })
);
KINDS.file = fc.oneof(
	fc.constantFrom(
		'%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
		'\x89PNG\r\n\x1a\n',
		'PK\x03\x04',
		'%PDF'
	),
	fc.string({ maxLength: 300 })
);
const kind = (k) => (k.startsWith('enum:') ? fc.constantFrom(...k.slice(5).split('|')) : KINDS[k]);

/** One field: usually a plausible value, often a hostile one, sometimes missing or repeated. */
const value = (k) =>
	fc.oneof(
		{ weight: 6, arbitrary: kind(k) },
		{ weight: 2, arbitrary: nasty },
		{ weight: 1, arbitrary: unicode },
		{ weight: 1, arbitrary: fc.array(kind(k), { minLength: 2, maxLength: 3 }) },
		{ weight: 1, arbitrary: huge }
	);

/**
 * Half the cases are wild (every field anything, or missing); the other half are plausible forms
 * with one field spoiled, which get past the first checks and reach the deeper ones.
 */
function caseFor(target) {
	const kinds = Object.entries(target.fields);
	const wild = fc.tuple(
		...kinds.map(([name, k]) =>
			fc.option(value(k), { freq: 5, nil: undefined }).map((v) => [name, v])
		)
	);
	// A form known to pass (the row's `valid`; its other fields left out), else plausible values
	// of each kind.
	const plain = target.valid
		? fc.constant(kinds.map(([name]) => [name, target.valid[name]]))
		: fc.tuple(...kinds.map(([name, k]) => kind(k).map((v) => [name, v])));
	const spoiled = kinds.length
		? fc
				.tuple(plain, wild, fc.nat(kinds.length - 1))
				.map(([p, w, i]) => p.map((field, j) => (j === i ? w[j] : field)))
		: fc.constant([]);
	return fc.record({
		fields: fc.oneof(wild, spoiled),
		extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 }), {
			maxKeys: 3
		}),
		encoding: fc.constantFrom('form', 'form', 'form', 'form', 'multipart', 'json', 'none'),
		// A third of the posts: a body the server cannot read, from the target's person or from
		// someone not signed in, asking for JSON (use:enhance), a page or anything.
		malformed:
			target.method === 'GET'
				? fc.constant(null)
				: fc.oneof(
						{ weight: 2, arbitrary: fc.constant(null) },
						{
							weight: 1,
							arbitrary: fc.record({
								// Bodies over the limit cost megabytes each: fewer of them.
								mode: fc.oneof(
									{ weight: 12, arbitrary: fc.constantFrom(...MALFORMED.slice(0, -1)) },
									{ weight: 1, arbitrary: fc.constant('oversized') }
								),
								pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
								anonymous: fc.boolean(),
								accept: fc.constantFrom('application/json', 'text/html', '*/*')
							})
						}
					),
		id: KINDS.id,
		token: KINDS.token
	});
}

// Sending --------------------------------------------------------------------------------------

async function request(target, c) {
	const fields = [...c.fields.filter(([, v]) => v !== undefined), ...Object.entries(c.extra)];
	const path = target.path
		.replace('{id}', encodeURIComponent(c.id))
		.replace('{token}', encodeURIComponent(c.token));
	const headers = { origin, cookie: cookies[target.as] };
	if (c.malformed) {
		const { mode, pick, anonymous, accept } = c.malformed;
		const flat = fields.flatMap(([k, v]) => [v].flat().map((one) => [k, one]));
		// Over the upload limit, adapter-node's own (the same 12 MB) fails the stream first, and Node
		// closes the connection of a client still sending before it reads the 413: an upload's
		// oversized body comes from someone not signed in, whose limit is the forms'.
		const upload = target.path.endsWith('?/attach');
		const signedOut = anonymous || (upload && mode === 'oversized');
		const { body, type } = await malformedBody(mode, flat, pick, { upload: !signedOut && upload });
		if (signedOut) headers.cookie = '';
		headers.accept = accept;
		if (accept === 'application/json') headers['x-sveltekit-action'] = 'true';
		headers['content-type'] = type;
		return { url: origin + path, init: { method: 'POST', headers, body, redirect: 'manual' } };
	}
	if (target.method === 'GET') {
		const query = new URLSearchParams();
		for (const [k, v] of fields) for (const one of [v].flat()) query.append(k, one);
		const url = `${origin}${path}${query.size ? (path.includes('?') ? '&' : '?') + query : ''}`;
		return { url, init: { headers, redirect: 'manual' } };
	}
	let body;
	if (c.encoding === 'form') {
		body = new URLSearchParams();
		for (const [k, v] of fields) for (const one of [v].flat()) body.append(k, one);
	} else if (c.encoding === 'multipart') {
		body = new FormData();
		for (const [k, v] of fields)
			for (const one of [v].flat()) body.append(k, new Blob([one]), 'x.txt');
	} else if (c.encoding === 'json') {
		body = JSON.stringify(Object.fromEntries(fields));
		headers['content-type'] = 'application/json';
	}
	headers.accept = 'application/json';
	headers['x-sveltekit-action'] = 'true';
	return { url: origin + path, init: { method: 'POST', headers, body, redirect: 'manual' } };
}

/**
 * One request on its own connection (node:http, no keep-alive). With fetch's pooled connections,
 * an answer given before a large body was read (a 404 for an unknown id) leaves the socket in a
 * state where the next request fails on the client side, which is not what is being tested.
 */
async function send(url, init) {
	const probe = new Request(url, init);
	const body = init.body === undefined ? undefined : Buffer.from(await probe.arrayBuffer());
	const headers = { ...init.headers };
	if (body) {
		// A malformed case may say `null`: no content type at all.
		if (headers['content-type'] === undefined) {
			headers['content-type'] = probe.headers.get('content-type');
		}
		if (!headers['content-type']) delete headers['content-type'];
		headers['content-length'] = String(body.length);
	}
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = http.request(
			url,
			{ method: init.method ?? 'GET', headers, agent: false },
			(res) => {
				answered = true;
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						headers: res.headers,
						text: Buffer.concat(chunks).toString('utf8')
					})
				);
			}
		);
		req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
		// The server may answer (and close) before the whole body is sent: the answer counts.
		req.on('error', (err) =>
			err.code === 'EPIPE' || err.code === 'ECONNRESET' ? null : reject(err)
		);
		// Node's HTTP server closes the connection on a request line or headers over its 16 KB
		// limit, often before the client could read its 431: no answer at all (status 0).
		req.on('close', () => answered || resolve({ status: 0, headers: {}, text: '' }));
		req.end(body);
	});
}

const LEAK = /\bat \S+ \(|\bat file:|SQLITE_|sqlite_master|SELECT .* FROM |node_modules/;
const stats = [];
let baseline = checksum();
let closedUnanswered = 0;
let malformedSent = 0;
let dataVersion = db.pragma('data_version', { simple: true });

/** A wrong evaluation link counts against the address (all cases share 127.0.0.1). */
const forgetWrongLinks = db.prepare(
	`DELETE FROM login_throttle WHERE key LIKE 'evaluation-link|%'`
);

async function check(target, c) {
	// Left alone, five wrong links would turn every later case into a 429 before the action is
	// reached (the throttle itself is tested in src/lib/server/http/evaluation-sheet.spec.ts).
	if (target.path.startsWith('/e/')) forgetWrongLinks.run();
	const { url, init } = await request(target, c);
	const res = await send(url, init);
	if (res.status === 0) {
		if (String(url).length < 16_384) throw new Error(`connection closed without an answer: ${url}`);
		closedUnanswered++;
	}
	const text = res.text;
	if (res.status >= 500) throw new Error(`${res.status} for ${url}: ${text.slice(0, 300)}`);
	if (LEAK.test(text)) throw new Error(`stack trace or SQL in the answer to ${url}`);
	if (c.malformed) {
		malformedSent++;
		const { mode, anonymous } = c.malformed;
		// use:enhance answers an action's own refusal with 200 and its status inside: the upload
		// form refuses an unreadable body itself, beside its file field.
		let status = res.status;
		try {
			const result = JSON.parse(text);
			if (result.type === 'failure') status = result.status;
		} catch {
			// a page or plain text
		}
		if (status < 400 || status >= 500) {
			const who = anonymous ? 'not signed in' : target.as;
			throw new Error(`${mode} body (${who}) answered ${status}, not 4xx: ${url}`);
		}
	}
	let type = '';
	try {
		type = JSON.parse(text).type ?? '';
	} catch {
		// a page or a file
	}
	const accepted =
		target.method !== 'GET' &&
		res.status < 400 &&
		(type === 'success' ||
			(type === 'redirect' && !text.includes('"/login')) ||
			(res.status === 303 && !String(res.headers.location).startsWith('/login')));
	const now = db.pragma('data_version', { simple: true });
	if (now === dataVersion) return accepted;
	dataVersion = now;
	const after = checksum();
	if (!accepted && after !== baseline) {
		throw new Error(`rejected input (${res.status} ${type}) changed domain rows: ${url}`);
	}
	baseline = after;
	return accepted;
}

// Cases that change a visit's state (an answer, new dates, a transition) come last, so the others
// still find the visit being prepared and its agenda editable.
const LAST = /answer|dates|edit visit|transition|delete draft/;
const ordered = [...TARGETS].sort((a, b) => Number(LAST.test(a.name)) - Number(LAST.test(b.name)));
let failures = 0;
console.log(`${TARGETS.length} form actions and endpoints in fuzz-targets.js, ${runs} cases each`);
const only = options.only ? String(options.only).split(',') : [];
for (const target of ordered.filter((t) => !only.length || only.some((o) => t.name.includes(o)))) {
	const started = Date.now();
	let cases = 0;
	let accepted = 0;
	let failure = '';
	try {
		// Each malformed body at least once for every post, whatever the draw: first, signed in
		// and not in turn, as a browser without JavaScript, use:enhance and another client would.
		const examples =
			target.method === 'GET'
				? []
				: fc.sample(caseFor(target), MALFORMED.length).map((c, i) => [
						{
							...c,
							malformed: {
								mode: MALFORMED[i],
								pick: 0.5,
								anonymous: i % 2 === 1,
								accept: ['application/json', 'text/html', '*/*'][i % 3]
							}
						}
					]);
		await fc.assert(
			fc.asyncProperty(caseFor(target), async (c) => {
				cases++;
				if (await check(target, c)) accepted++;
			}),
			{ numRuns: runs, endOnFailure: true, examples }
		);
	} catch (err) {
		failures++;
		// The reason and the case, cut short: a case can hold a 100 000-character string.
		const reason = String(err.cause?.message ?? err.cause ?? '');
		const summary = String(err.message ?? err)
			.split('\n')
			.filter((l) => /seed|Counterexample|Got error/.test(l));
		failure = [reason, ...summary].map((l) => l.slice(0, 400)).join('\n');
	}
	stats.push({ target: target.name, cases, accepted, ms: Date.now() - started, failure });
	console.log(
		`${failure ? 'FAIL' : 'ok  '} ${target.name}: ${cases} cases, ${accepted} accepted, ${Date.now() - started} ms`
	);
	if (failure) console.log(failure);
}

db.close();
await stopServer(child);
const total = stats.reduce((n, s) => n + s.cases, 0);
console.log(
	`\nFuzz: ${stats.length} actions and endpoints × ${runs} cases = ${total} requests, ` +
		`${malformedSent} of them with a malformed body (${MALFORMED.join(', ')}); ` +
		`${failures} failing (5xx, leaked details, a malformed body not answered 4xx or a ` +
		`rejected input that changed data); ` +
		`${closedUnanswered} addresses over 16 KB closed by the server before its 431 was read`
);
tearDown(dir, failures > 0);
