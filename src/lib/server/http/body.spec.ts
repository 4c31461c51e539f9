import { describe, expect, it } from 'vitest';
import {
	FORM_BODY_LIMIT,
	FormRequest,
	UPLOAD_BODY_LIMIT,
	readFormBody,
	type ReadForm
} from './body';
import { ANSWER_TEXT_MAX } from '../db/schema/evaluations';
import {
	MAX_OPTIONS,
	MAX_QUESTIONS,
	OPTION_TEXT_MAX,
	QUESTION_TEXT_MAX
} from '../evaluations/template-editor';
import { LESSON_TEXT_MAX } from '$lib/schemas/lesson';

const URL_ = 'http://passerelle.test/login';
const URLENCODED = 'application/x-www-form-urlencoded';

function post(body: BodyInit | null, contentType: string | null, extra: HeadersInit = {}) {
	const headers = new Headers(extra);
	if (contentType) headers.set('content-type', contentType);
	return new Request(URL_, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

/** A multipart body as a browser sends it, and its content type. */
async function multipart(fields: [string, string | Blob, string?][]) {
	const form = new FormData();
	for (const [name, value, filename] of fields) {
		if (typeof value === 'string') form.append(name, value);
		else form.append(name, value, filename);
	}
	const encoded = new Request(URL_, { method: 'POST', body: form });
	const type = encoded.headers.get('content-type')!;
	return { bytes: new Uint8Array(await encoded.arrayBuffer()), type };
}

/** A body that arrives in pieces without a declared length, then fails or ends. */
function stream(chunks: Uint8Array[], failure?: Error) {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(chunk);
			if (failure) controller.error(failure);
			else controller.close();
		}
	});
}
const streamed = (body: ReadableStream) => post(body, URLENCODED);
const problem = (read: ReadForm) => (read.ok ? 'read' : `${read.status} ${read.reason}`);
const fields = (read: ReadForm) => (read.ok ? [...read.form.entries()] : []);

describe('readFormBody', () => {
	it('reads urlencoded and multipart forms as the actions expect them', async () => {
		const plain = await readFormBody(
			post('email=a%40b.org&note=d%C3%A9j%C3%A0+vu&empty=&flag&x=1&x=2', URLENCODED),
			FORM_BODY_LIMIT
		);
		expect(fields(plain)).toEqual([
			['email', 'a@b.org'],
			['note', 'déjà vu'],
			['empty', ''],
			['flag', ''],
			['x', '1'],
			['x', '2']
		]);
		const { bytes, type } = await multipart([
			['title', 'مرحبا'],
			['file', new Blob(['%PDF-1.4 \u00ff']), 'fiche.pdf']
		]);
		const read = await readFormBody(post(bytes, type), FORM_BODY_LIMIT);
		expect(problem(read)).toBe('read');
		expect(read.ok && read.form.get('title')).toBe('مرحبا');
		expect(read.ok && (read.form.get('file') as File).name).toBe('fiche.pdf');
	});

	it('refuses a multipart body cut off before its end, or with another or no boundary (400)', async () => {
		const { bytes, type } = await multipart([
			['note', 'a'.repeat(500)],
			['file', new Blob(['x'.repeat(2000)]), 'a.txt']
		]);
		for (const cut of [10, 300, bytes.length - 30, bytes.length - 4]) {
			expect(problem(await readFormBody(post(bytes.slice(0, cut), type), FORM_BODY_LIMIT))).toBe(
				'400 malformed'
			);
		}
		const wrong = await readFormBody(
			post(bytes, 'multipart/form-data; boundary=other'),
			FORM_BODY_LIMIT
		);
		expect(problem(wrong)).toBe('400 malformed');
		expect(problem(await readFormBody(post(bytes, 'multipart/form-data'), FORM_BODY_LIMIT))).toBe(
			'400 malformed'
		);
	});

	it('refuses a body that is not a form, or says no type (415)', async () => {
		for (const type of ['application/json', 'text/plain', 'application/xml', null]) {
			const read = await readFormBody(post('{"email":"a@b.org"}', type), FORM_BODY_LIMIT);
			expect(problem(read), String(type)).toBe('415 content_type');
		}
	});

	it('refuses bytes that are not UTF-8 and broken percent-encoding (400)', async () => {
		const raw = new Uint8Array([...new TextEncoder().encode('note='), 0xff, 0xfe]);
		for (const body of [raw, 'note=%FF', 'note=%C3', 'note=%ED%A0%80', 'note=%zz', 'n%4=1']) {
			const read = await readFormBody(post(body, URLENCODED), FORM_BODY_LIMIT);
			expect(problem(read), String(body)).toBe('400 encoding');
		}
		const { bytes, type } = await multipart([['note', 'PLACEHOLDER']]);
		const text = Buffer.from(bytes).toString('latin1').replace('PLACEHOLDER', '\u00ff\u00fe');
		const latin1 = await readFormBody(post(Buffer.from(text, 'latin1'), type), FORM_BODY_LIMIT);
		expect(problem(latin1)).toBe('400 encoding');
		// Even next to a replacement character really typed in another field.
		const mixed = await multipart([
			['typed', 'illisible \ufffd'],
			['note', 'PLACEHOLDER']
		]);
		const spoiled = Buffer.from(mixed.bytes).toString('latin1').replace('PLACEHOLDER', '\u00e9');
		const both = await readFormBody(
			post(Buffer.from(spoiled, 'latin1'), mixed.type),
			FORM_BODY_LIMIT
		);
		expect(problem(both)).toBe('400 encoding');
		// A replacement character really typed is kept.
		const typed = await multipart([['note', 'illisible \ufffd']]);
		const kept = await readFormBody(post(typed.bytes, typed.type), FORM_BODY_LIMIT);
		expect(fields(kept)).toEqual([['note', 'illisible \ufffd']]);
	});

	it('refuses a body over the limit, declared or streamed, and reads a bounded rest', async () => {
		const big = 'note=' + 'a'.repeat(FORM_BODY_LIMIT);
		expect(problem(await readFormBody(post(big, URLENCODED), FORM_BODY_LIMIT))).toBe(
			'413 too_large'
		);
		// Declared too long: refused, the bytes read and thrown away (the client gets the answer).
		const declared = post(stream([new Uint8Array(10)]), URLENCODED, {
			'content-length': String(UPLOAD_BODY_LIMIT)
		});
		expect(problem(await readFormBody(declared, FORM_BODY_LIMIT))).toBe('413 too_large');
		// Sent without a length and without end: counted as it comes, thrown away up to the upload
		// limit, then left.
		let pulled = 0;
		const chunk = new Uint8Array(256 * 1024).fill(97);
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				controller.enqueue(chunk);
			}
		});
		expect(problem(await readFormBody(streamed(endless), FORM_BODY_LIMIT))).toBe('413 too_large');
		expect(pulled * chunk.length).toBeLessThan(UPLOAD_BODY_LIMIT + 4 * chunk.length);
		// adapter-node's own limit, or more bytes than the content-length said.
		const over = Object.assign(new Error('request body size exceeded content-length'), {
			status: 413
		});
		const read = await readFormBody(streamed(stream([chunk], over)), FORM_BODY_LIMIT);
		expect(problem(read)).toBe('413 too_large');
	});

	it('refuses a body whose connection ended before its declared length (400)', async () => {
		const aborted = stream([new TextEncoder().encode('note=hal')], new Error('aborted'));
		expect(problem(await readFormBody(streamed(aborted), FORM_BODY_LIMIT))).toBe('400 cut_off');
	});

	it('accepts an upload up to its own limit', async () => {
		const file = new Blob([new Uint8Array(UPLOAD_BODY_LIMIT - 64 * 1024)]);
		const { bytes, type } = await multipart([['file', file, 'gros.pdf']]);
		expect(problem(await readFormBody(post(bytes, type), FORM_BODY_LIMIT))).toBe('413 too_large');
		const read = await readFormBody(post(bytes, type), UPLOAD_BODY_LIMIT);
		expect(read.ok && (read.form.get('file') as File).size).toBe(file.size);
	});
});

/**
 * The largest legitimate forms, every field at its maximum, posted without JavaScript
 * (urlencoded: each Arabic letter becomes six bytes) and with use:enhance (multipart).
 */
describe('the limit for forms that are not uploads', () => {
	const AR = 'ماذا تعلمتم خلال هذا اليوم؟ صفوا التبادل والنجاحات. ';
	const fill = (n: number) => AR.repeat(Math.ceil(n / AR.length)).slice(0, n);
	const LOCALES = ['fr', 'en', 'es', 'ar'];
	const template: [string, string][] = [['count', String(MAX_QUESTIONS)]];
	for (let i = 0; i < MAX_QUESTIONS; i++) {
		template.push(
			[`q${i}.code`, 'c'.repeat(40)],
			[`q${i}.kind`, 'choice'],
			[`q${i}.required`, 'on']
		);
		for (const l of LOCALES) {
			template.push([`q${i}.${l}`, fill(QUESTION_TEXT_MAX)]);
			const options = Array.from({ length: MAX_OPTIONS }, () => fill(OPTION_TEXT_MAX));
			template.push([`q${i}.choices_${l}`, options.join('\r\n')]);
		}
	}
	const sheet = Array.from({ length: MAX_QUESTIONS }, (_, i): [string, string] => [
		`q${i + 1}`,
		fill(ANSWER_TEXT_MAX)
	]);
	const lesson: [string, string][] = [
		['title', fill(200)],
		['observed', fill(LESSON_TEXT_MAX)],
		['adaptation', fill(LESSON_TEXT_MAX)]
	];

	it.each([
		['the evaluation template editor', template],
		['the evaluation sheet', sheet],
		['a lesson', lesson]
	])('%s, all in Arabic, fits with room to spare', async (_, form) => {
		const urlencoded = new URLSearchParams(form).toString();
		expect(urlencoded.length).toBeLessThan(FORM_BODY_LIMIT * 0.65);
		const plain = await readFormBody(post(urlencoded, URLENCODED), FORM_BODY_LIMIT);
		expect(fields(plain)).toEqual(form);
		const { bytes, type } = await multipart(form);
		expect(bytes.length).toBeLessThan(FORM_BODY_LIMIT * 0.65);
		expect(problem(await readFormBody(post(bytes, type), FORM_BODY_LIMIT))).toBe('read');
	});
});

describe('FormRequest', () => {
	it('gives the action the form already read, with the original URL and headers', async () => {
		const source = post('note=d%C3%A9j%C3%A0', URLENCODED, {
			accept: 'application/json',
			origin: 'http://passerelle.test'
		});
		const form = new FormData();
		form.set('note', 'déjà');
		const request = new FormRequest(source, form);
		expect(await request.formData()).toBe(form);
		expect(request.url).toBe(URL_);
		expect(request.method).toBe('POST');
		expect(request.headers.get('accept')).toBe('application/json');
		expect(request.headers.get('origin')).toBe('http://passerelle.test');
		// Kit checks the type before it calls an action: still a form.
		expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
	});
});
