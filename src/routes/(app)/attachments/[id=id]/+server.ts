import { error } from '@sveltejs/kit';
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { viewerOf } from '$lib/server/http/follow-up';
import { attachmentsDir, getAttachment, storedPath } from '$lib/server/lessons/attachments';
import { contentDisposition } from '$lib/server/http/content-disposition';
import { positiveId } from '$lib/schemas/common';

/**
 * A lesson's document, for those who may read the lesson (others: 404, as if it did not exist).
 * Always a download with the type found at upload, never rendered in the page's origin. The
 * content never changes under its hash, so a browser that has it revalidates for a 304 — the
 * permission is checked again each time, nothing is kept by shared caches.
 */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'lesson.list');
	const id = positiveId(event.params.id);
	const found = id ? getAttachment(getDb(), id, viewerOf(actor)) : undefined;
	const path = found && storedPath(attachmentsDir(), found.sha256);
	if (!found || !path || !existsSync(path)) error(404, 'Not found');
	const headers = {
		'Content-Type': found.mime,
		'Content-Disposition': contentDisposition(found.filename),
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cache-Control': 'private, no-cache',
		ETag: `"${found.sha256}"`
	};
	if (event.request.headers.get('if-none-match') === headers.ETag) {
		return new Response(null, { status: 304, headers });
	}
	const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
	return new Response(body, { headers: { ...headers, 'Content-Length': String(found.size) } });
};
