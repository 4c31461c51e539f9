// The body of a form post, read and parsed once within a size bound (body-hook.ts calls it before
// any action runs): cut off, another boundary, not a form, bytes that are not UTF-8, broken
// percent-encoding, too large — each is told apart here, never thrown.

const MB = 1024 * 1024;
/**
 * Every form but the uploads. The largest legitimate forms, at every field's maximum length
 * (body.spec.ts measures them): the evaluation template editor with 40 questions and 12 choices
 * in four languages (2.4 MB posted without JavaScript if all of it is in Arabic, each letter
 * percent-encoded into six bytes; 0.9 MB with `use:enhance`), the evaluation sheet with 40 text
 * answers (1 MB in Arabic without JavaScript). 4 MB leaves room above the first.
 */
export const FORM_BODY_LIMIT = 4 * MB;
/** The lesson document upload: a 10 MB file and the multipart around it (scripts/start.js). */
export const UPLOAD_BODY_LIMIT = 12 * MB;
export type Unreadable = {
	status: 400 | 413 | 415;
	reason: 'content_type' | 'too_large' | 'cut_off' | 'malformed' | 'encoding';
	/** For the log line: what went wrong, never the body itself. */
	detail: string;
};
export type ReadForm = { ok: true; form: FormData } | ({ ok: false } & Unreadable);

const unreadable = (status: Unreadable['status'], reason: Unreadable['reason'], detail: string) =>
	({ ok: false, status, reason, detail }) as const;

/** Reads and parses a form body of at most `limit` bytes. Never throws. */
export async function readFormBody(request: Request, limit: number): Promise<ReadForm> {
	const contentType = request.headers.get('content-type') ?? '';
	const type = contentType.split(';')[0].trim().toLowerCase();
	const declared = request.headers.get('content-length');
	let refused: Unreadable | null = null;
	if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
		refused = { status: 415, reason: 'content_type', detail: `type "${type.slice(0, 60)}"` };
	} else if (declared !== null && Number(declared) > limit) {
		refused = { status: 413, reason: 'too_large', detail: `length ${declared} over ${limit}` };
	}
	if (refused) {
		if (request.body) await discard(request.body.getReader(), 0);
		return { ok: false, ...refused };
	}
	const bytes = await readBytes(request, limit);
	if (!(bytes instanceof Uint8Array)) return bytes;
	return type === 'multipart/form-data'
		? parseMultipart(bytes, contentType)
		: parseUrlencoded(bytes);
}

/**
 * How much of a refused body is still read, and thrown away: a client still sending when the
 * answer comes would otherwise see its connection reset, not the answer (Node closes a socket
 * with unread bytes that way). Past this, the connection may be reset; adapter-node's own limit
 * (BODY_SIZE_LIMIT, the same 12 MB) stops the stream there anyway.
 */
const DISCARD_MAX = UPLOAD_BODY_LIMIT;

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, size: number) {
	try {
		while (size <= DISCARD_MAX) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
		}
	} catch {
		// A stream that failed has nothing more to read.
	} finally {
		reader.releaseLock();
	}
}

/** The bytes, counted as they come: a body sent without a length (chunked) is held to the limit. */
async function readBytes(request: Request, limit: number) {
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await discard(reader, size);
				return unreadable(413, 'too_large', `more than ${limit} bytes`);
			}
			chunks.push(value);
		}
	} catch (e) {
		// adapter-node's own limit (BODY_SIZE_LIMIT) and a body longer than its content-length
		// fail the stream with a 413; a connection closed mid-body with an error.
		const status = (e as { status?: number })?.status === 413 ? 413 : 400;
		const detail = String((e as Error)?.message ?? e).slice(0, 120);
		return unreadable(status, status === 413 ? 'too_large' : 'cut_off', detail);
	}
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * URLSearchParams would turn `%FF` into U+FFFD and keep `%zz` as it is: the action would store
 * characters nobody typed. decodeURIComponent refuses both (and non-UTF-8 escapes).
 */
function parseUrlencoded(bytes: Uint8Array): ReadForm {
	let text: string;
	try {
		text = strictUtf8.decode(bytes);
	} catch {
		return unreadable(400, 'encoding', 'urlencoded body is not UTF-8');
	}
	const form = new FormData();
	for (const pair of text.split('&')) {
		if (!pair) continue;
		const at = pair.indexOf('=');
		const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
		try {
			form.append(decode(name), decode(value));
		} catch {
			return unreadable(400, 'encoding', 'broken percent-encoding');
		}
	}
	return { ok: true, form };
}

const decode = (s: string) => decodeURIComponent(s.replaceAll('+', ' '));

/** U+FFFD as UTF-8. */
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

function occurrences(bytes: Uint8Array, needle: Buffer) {
	const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let count = 0;
	for (let at = raw.indexOf(needle); at >= 0; at = raw.indexOf(needle, at + needle.length)) count++;
	return count;
}

async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<ReadForm> {
	let form: FormData;
	try {
		const body = bytes as Uint8Array<ArrayBuffer>;
		form = await new Request('http://body.invalid/', {
			method: 'POST',
			headers: { 'content-type': contentType },
			body
		}).formData();
	} catch {
		// Cut off before its closing boundary, another boundary, none at all.
		return unreadable(400, 'malformed', 'multipart body does not parse');
	}
	// The parser decodes text fields leniently, bytes that are not UTF-8 becoming U+FFFD: each
	// U+FFFD in a text must be one sent as such (EF BF BD), else some bytes were not UTF-8.
	const texts = [...form.entries()].flatMap(([name, v]) => [
		name,
		typeof v === 'string' ? v : v.name
	]);
	const decoded = texts.reduce((n, t) => n + (t.match(/\ufffd/g)?.length ?? 0), 0);
	if (decoded > 0 && decoded > occurrences(bytes, REPLACEMENT)) {
		return unreadable(400, 'encoding', 'multipart text field is not UTF-8');
	}
	return { ok: true, form };
}

/**
 * The request the action gets: the same URL, method and headers, and the form already read
 * (formData() answers it without parsing again; the body is that form, should anything read it
 * otherwise).
 */
export class FormRequest extends Request {
	readonly #form: FormData;
	constructor(source: Request, form: FormData) {
		const headers = new Headers(source.headers);
		// The form is sent on as multipart with its own boundary and length.
		headers.delete('content-type');
		headers.delete('content-length');
		super(source.url, { method: source.method, headers, body: form });
		this.#form = form;
	}
	override formData(): Promise<FormData> {
		return Promise.resolve(this.#form);
	}
}

/** For the upload action, which shows the problem in its form: formData() fails with its status. */
export class UnreadableRequest extends Request {
	readonly #problem: Unreadable;
	constructor(source: Request, problem: Unreadable) {
		super(source.url, { method: source.method, headers: source.headers });
		this.#problem = problem;
	}
	override formData(): Promise<FormData> {
		const { status, detail } = this.#problem;
		return Promise.reject(Object.assign(new Error(detail), { status }));
	}
}
