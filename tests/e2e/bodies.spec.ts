// Bodies the server cannot read — a multipart cut off on a slow connection, the wrong content
// type, bytes that are not UTF-8, too much — are bad input: a 4xx with a message, never a 500,
// and nothing changes. Signed in or not, on the sign-in form as on any other.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';

const LESSON = '/visits/1/lessons/1';

function query<T>(baseURL: string, sql: string): T {
	const port = new URL(baseURL).port;
	const db = new Database(readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim(), {
		readonly: true
	});
	try {
		return db.prepare(sql).pluck().get() as T;
	} finally {
		db.close();
	}
}

/** A multipart body as a browser sends it, cut at `keep` of its length. */
async function cutMultipart(fields: Record<string, string>, keep = 0.6) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	const encoded = new Request('http://x/', { method: 'POST', body: form });
	const bytes = Buffer.from(await encoded.arrayBuffer());
	return {
		data: bytes.subarray(0, Math.floor(bytes.length * keep)),
		type: encoded.headers.get('content-type')!
	};
}

async function post(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	data: Buffer | string,
	type: string,
	accept = 'application/json'
) {
	const res = await request.post(path, {
		data,
		headers: { 'content-type': type, Origin: baseURL, Accept: accept },
		maxRedirects: 0
	});
	return { status: res.status(), text: await res.text(), type: res.headers()['content-type'] };
}

const NO_DETAILS = /\bat \S+ \(|SQLITE_|SELECT .* FROM |node_modules/;

test('the sign-in form answers a cut-off or wrong body with 4xx and signs nobody in', async ({
	request,
	baseURL
}) => {
	const sessions = () => query<number>(baseURL!, 'SELECT count(*) FROM sessions');
	const before = sessions();
	const { data, type } = await cutMultipart({
		email: ACCOUNTS.staff,
		password: 'passerelle-demo'
	});
	// A browser without JavaScript gets a page in its language.
	const page = await post(request, baseURL!, '/login', data, type, 'text/html');
	expect(page.status).toBe(400);
	expect(page.type).toMatch(/^text\/html/);
	expect(page.text).toContain('<h1>Erreur 400</h1>');
	expect(page.text).toContain('pas pu être lu');
	for (const [body, contentType, status] of [
		[data, type, 400],
		['email=a%zz&password=x', 'application/x-www-form-urlencoded', 400],
		[Buffer.from([0x65, 0x3d, 0xff, 0xfe]), 'application/x-www-form-urlencoded', 400],
		['{"email":"a@b.org"}', 'application/json', 415],
		['email=' + 'a'.repeat(5 * 1024 * 1024), 'application/x-www-form-urlencoded', 413]
	] as const) {
		const answer = await post(request, baseURL!, '/login', body, contentType);
		expect(answer.status, `${contentType} ${String(body).slice(0, 30)}`).toBe(status);
		expect(answer.text).not.toMatch(NO_DETAILS);
	}
	expect(sessions()).toBe(before);
});

test('a signed-in form action refuses an unreadable body and leaves the record as it was', async ({
	page,
	baseURL
}) => {
	await signIn(page, ACCOUNTS.staff);
	const title = () => query<string>(baseURL!, 'SELECT title FROM lessons WHERE id = 1');
	const version = () => query<number>(baseURL!, 'SELECT updated_at FROM lessons WHERE id = 1');
	const before = { title: title(), version: version() };
	const { data, type } = await cutMultipart({ version: String(before.version), title: 'Coupé' });
	const cut = await post(page.request, baseURL!, `${LESSON}?/update`, data, type);
	expect(cut.status).toBe(400);
	expect(JSON.parse(cut.text)).toMatchObject({ type: 'error', error: { unreadable: true } });
	const big = `version=${before.version}&title=Trop&observed=${'a'.repeat(5 * 1024 * 1024)}`;
	const tooLarge = await post(
		page.request,
		baseURL!,
		`${LESSON}?/update`,
		big,
		'application/x-www-form-urlencoded'
	);
	expect(tooLarge.status).toBe(413);
	expect({ title: title(), version: version() }).toEqual(before);

	// In the browser, with use:enhance (which posts this form urlencoded: cut short, it would only
	// be a shorter form, which the action's checks refuse): bytes spoiled on the way show the
	// error page and its message; the lesson is unchanged.
	await page.goto(LESSON);
	await page.getByLabel('Enseignement', { exact: true }).fill('Titre jamais enregistré');
	await page.route(`**${LESSON}?/update`, async (route) => {
		const body = route.request().postDataBuffer()!;
		await route.continue({ postData: Buffer.concat([body, Buffer.from([0xff, 0xfe])]) });
	});
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Erreur 400' })).toBeVisible();
	await expect(page.getByText("Le formulaire n'a pas pu être lu")).toBeVisible();
	expect({ title: title(), version: version() }).toEqual(before);
});

test('a lesson document still uploads through the larger limit', async ({ page, baseURL }) => {
	await signIn(page, ACCOUNTS.staff);
	const count = () =>
		query<number>(baseURL!, 'SELECT count(*) FROM attachments WHERE lesson_id = 1');
	const before = count();
	// 6 MB: over the forms' limit, under the uploads' one.
	const pdf = Buffer.concat([
		Buffer.from('%PDF-1.4\n'),
		Buffer.alloc(6 * 1024 * 1024, 0x20),
		Buffer.from('\n%%EOF\n')
	]);
	const res = await page.request.post(`${LESSON}?/attach`, {
		multipart: { file: { name: 'gros-document.pdf', mimeType: 'application/pdf', buffer: pdf } },
		headers: { Origin: baseURL!, Accept: 'application/json' }
	});
	expect(res.status()).toBe(200);
	expect(JSON.parse(await res.text()).type).toBe('success');
	expect(count()).toBe(before + 1);
	// Taken off again: other tests count lesson 1's documents.
	const id = query<number>(baseURL!, 'SELECT max(id) FROM attachments WHERE lesson_id = 1');
	const detached = await page.request.post(`${LESSON}?/detach`, {
		form: { attachmentId: String(id) },
		headers: { Origin: baseURL!, Accept: 'application/json' }
	});
	expect(detached.status()).toBe(200);
	expect(count()).toBe(before);
	// The same bytes to a form that is not an upload: too large.
	const update = await page.request.post(`${LESSON}?/update`, {
		multipart: { file: { name: 'gros-document.pdf', mimeType: 'application/pdf', buffer: pdf } },
		headers: { Origin: baseURL!, Accept: 'application/json' }
	});
	expect(update.status()).toBe(413);
});
