import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import * as schema from '../db/schema';
import { addOrganisation } from '../db/test-fixtures';
import { withLocale } from './locale';
import { formBodies, isUpload } from './body-hook';
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from './body';

const ORIGIN = 'http://passerelle.test';
const LOGIN = '/(auth)/login';
const LESSON = '/(app)/visits/[id=id]/lessons/[lesson=id]';
const URLENCODED = 'application/x-www-form-urlencoded';

let db: DB;
const organisations = () =>
	db
		.select()
		.from(schema.organisations)
		.all()
		.map((o) => o.name);

beforeEach(() => {
	db = createTestDb();
});

function post(path: string, body: BodyInit, type: string, accept = 'text/html') {
	return new Request(ORIGIN + path, {
		method: 'POST',
		headers: { 'content-type': type, accept, origin: ORIGIN },
		body
	});
}

/**
 * Runs the hook as `handle` does, in French; `resolve` stands for the action: it saves an
 * organisation named after the form's `name` (or the size of its `file`).
 */
async function send(request: Request, routeId: string, signedIn = false) {
	const event = {
		request,
		url: new URL(request.url),
		route: { id: routeId },
		locals: { user: signedIn ? { id: 1 } : null }
	} as unknown as RequestEvent;
	let acted = false;
	let failed: unknown = null;
	const resolve = async (e: RequestEvent) => {
		acted = true;
		if (e.request.method !== 'POST') return new Response('page');
		const form = await e.request.formData().catch((error) => (failed = error));
		if (failed) return new Response('refused by the action', { status: 413 });
		const file = form.get('file');
		addOrganisation(db, file instanceof File ? `${file.size} bytes` : String(form.get('name')));
		return new Response('saved');
	};
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	const response = await withLocale('fr', ORIGIN, () => formBodies({ event, resolve }));
	const logged = warn.mock.calls.map((c) => c.join(' '));
	warn.mockRestore();
	return { status: response.status, response, acted, failed, logged, text: await response.text() };
}

async function multipart(fields: Record<string, string | File>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	const encoded = new Request(ORIGIN, { method: 'POST', body: form });
	const type = encoded.headers.get('content-type')!;
	return { bytes: new Uint8Array(await encoded.arrayBuffer()), type };
}

describe('form bodies in handle', () => {
	it('answers a multipart body cut off in the middle with 400, runs no action, logs one line', async () => {
		const { bytes, type } = await multipart({ name: 'KEOOGO', email: 'a@b.org' });
		const cut = await send(post('/login', bytes.slice(0, bytes.length / 2), type), LOGIN);
		expect([cut.status, cut.acted, organisations()]).toEqual([400, false, []]);
		expect(cut.text).toContain('<html lang="fr" dir="ltr">');
		expect(cut.text).toContain('<p>Le formulaire n&#39;a pas pu être lu');
		expect(cut.text).toContain('<a href="/login">Revenir au formulaire</a>');
		expect(cut.logged).toHaveLength(1);
		expect(cut.logged[0]).toMatch(/^Passerelle: unreadable form body, 400 \(malformed: .*\/login$/);

		// The same form, whole, reaches the action, which reads it as usual.
		const whole = await send(post('/login', bytes, type), LOGIN);
		expect([whole.status, whole.acted, organisations()]).toEqual([200, true, ['KEOOGO']]);
	});

	it('refuses a form over the limit with 413, signed in or not, in the shape use:enhance reads', async () => {
		const big = 'name=' + 'a'.repeat(FORM_BODY_LIMIT);
		for (const signedIn of [false, true]) {
			const path = '/visits/1/lessons/1?/update';
			const answer = await send(post(path, big, URLENCODED, 'application/json'), LESSON, signedIn);
			expect([answer.status, answer.acted]).toEqual([413, false]);
			expect(JSON.parse(answer.text)).toEqual({
				type: 'error',
				error: { message: expect.stringContaining('trop volumineux'), unreadable: true }
			});
		}
		expect(organisations()).toEqual([]);
	});

	it('accepts a signed-in upload over the form limit, and refuses it from anyone else', async () => {
		const file = new File([new Uint8Array(FORM_BODY_LIMIT * 2)], 'fiche.pdf');
		const { bytes, type } = await multipart({ file });
		const path = '/visits/1/lessons/1?/attach';
		const upload = await send(post(path, bytes, type), LESSON, true);
		expect([upload.status, upload.acted]).toEqual([200, true]);
		expect(organisations()).toEqual([`${file.size} bytes`]);
		// Over the upload limit (said by its length): the attachment's own message.
		const huge = post(path, bytes, type);
		huge.headers.set('content-length', String(UPLOAD_BODY_LIMIT + 1));
		// Over the upload limit (said by its length): the upload action is told, and shows it.
		const refused = await send(huge, LESSON, true);
		expect(refused.acted).toBe(true);
		expect(refused.failed).toMatchObject({ status: 413 });
		const anonymous = await send(post(path, bytes, type), LESSON, false);
		expect([anonymous.status, anonymous.acted]).toEqual([413, false]);
		expect(anonymous.text).toContain('trop volumineux');
	});

	it('answers a body that is not a form with 415, in plain text to clients that are not browsers', async () => {
		const json = await send(post('/login', '{"name":"x"}', 'application/json', '*/*'), LOGIN);
		expect([json.status, json.acted]).toEqual([415, false]);
		expect(json.response.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(json.text).toContain("Le formulaire n'a pas pu être lu");
	});

	it('leaves other requests alone', async () => {
		const get = new Request(ORIGIN + '/login');
		const page = await send(get, LOGIN);
		expect(page.acted).toBe(true);
	});
});

describe('isUpload', () => {
	it('is the lesson attachment action only', () => {
		expect(isUpload(LESSON, new URL('http://x/visits/1/lessons/2?/attach'))).toBe(true);
		expect(isUpload(LESSON, new URL('http://x/visits/1/lessons/2?/update'))).toBe(false);
		expect(isUpload(LOGIN, new URL('http://x/login?/attach'))).toBe(false);
	});
});
