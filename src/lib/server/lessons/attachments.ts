// Documents attached to lessons. The bytes live in `<data folder>/attachments/<sha256>`: one copy
// however many lessons share a file, removed when the last row naming it goes. The type is read
// from the bytes (magic numbers), never from the browser's claim, and must agree with the name's
// extension, so a program renamed `.pdf` is refused. All file work is synchronous: within the one
// server process, an upload and a deletion of the same content can never interleave.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { DEFAULT_DATABASE_PATH } from '../db';
import { attachments, lessons } from '../db/schema';
import { recordAudit } from '../audit/log';
import { lessonVisibleTo, type Viewer } from './record';
import { ACCEPTED_EXTENSIONS, ATTACHMENT_MAX_BYTES } from '$lib/attachments';

export { ACCEPTED_EXTENSIONS, ATTACHMENT_MAX_BYTES };
const FILENAME_MAX = 180;

/** Next to the database file, as the server opens it (DATABASE_PATH). */
export function attachmentsDir(databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH) {
	return join(dirname(resolve(databasePath)), 'attachments');
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const contains = (bytes: Uint8Array, text: string) =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');

const OOXML: Record<string, [folder: string, mime: string]> = {
	docx: ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
	xlsx: ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
	pptx: ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation']
};
const ODF: Record<string, string> = {
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation'
};

const extensionOf = (filename: string) => /\.([a-z0-9]+)$/i.exec(filename)?.[1].toLowerCase() ?? '';

/**
 * The type of a file from its first bytes and its name, or null when the content is not one of
 * the accepted kinds or does not match the extension.
 */
export function detectType(bytes: Uint8Array, filename: string): string | null {
	const ext = extensionOf(filename);
	if (startsWith(bytes, ascii('%PDF-'))) return ext === 'pdf' ? 'application/pdf' : null;
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return ext === 'png' ? 'image/png' : null;
	}
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
		return ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : null;
	}
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
		return ext === 'webp' ? 'image/webp' : null;
	}
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		// OpenDocument: an uncompressed `mimetype` entry first, naming the kind of document.
		if (ODF[ext]) {
			const named = startsWith(bytes, ascii('mimetype'), 30);
			return named && startsWith(bytes, ascii(ODF[ext]), 38) ? ODF[ext] : null;
		}
		// Office Open XML: the package lists its parts in [Content_Types].xml; entry names are
		// stored in clear in the zip's directory.
		if (OOXML[ext]) {
			const [folder, mime] = OOXML[ext];
			return contains(bytes, '[Content_Types].xml') && contains(bytes, folder) ? mime : null;
		}
		return null;
	}
	if (ext === 'txt' || ext === 'csv') {
		if (bytes.includes(0)) return null;
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return null;
		}
		return ext === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
	}
	return null;
}

/** The name to keep: no folders, no control characters, not absurdly long (extension kept). */
export function cleanFilename(raw: string): string {
	const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
	const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
	if (clean.length <= FILENAME_MAX) return clean;
	const ext = extensionOf(clean);
	return `${clean.slice(0, FILENAME_MAX - ext.length - 1)}.${ext}`;
}

export type AttachError = 'required' | 'empty' | 'too_large' | 'type' | 'not_found';

/** The lesson, if it belongs to this visit (a form naming another visit's lesson gets nothing). */
export function lessonOfVisit(db: Tx, visitId: number, lessonId: number) {
	return db
		.select()
		.from(lessons)
		.where(and(eq(lessons.id, lessonId), eq(lessons.visitId, visitId)))
		.get();
}

/** Checks the file and what it is, before anything is written. */
export function checkUpload(file: { name: string; size: number }, bytes?: Uint8Array) {
	if (!file.name) return { ok: false as const, error: 'required' as const };
	if (file.size === 0) return { ok: false as const, error: 'empty' as const };
	if (file.size > ATTACHMENT_MAX_BYTES) return { ok: false as const, error: 'too_large' as const };
	const filename = cleanFilename(file.name);
	const mime = bytes && detectType(bytes, filename);
	if (!filename || !mime) return { ok: false as const, error: 'type' as const };
	return { ok: true as const, filename, mime };
}

function writeOnce(dir: string, sha256: string, bytes: Uint8Array) {
	const path = join(dir, sha256);
	if (existsSync(path)) return;
	mkdirSync(dir, { recursive: true });
	// A crash mid-write leaves a temporary file, never a truncated document under its hash.
	const temporary = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
	try {
		writeFileSync(temporary, bytes);
		renameSync(temporary, path);
	} catch (e) {
		rmSync(temporary, { force: true });
		throw e;
	}
}

const references = (db: Tx, sha256: string) =>
	db.select({ n: count() }).from(attachments).where(eq(attachments.sha256, sha256)).get()?.n ?? 0;

/** Removes the stored files no attachment names any more. */
export function removeUnreferenced(db: Tx, dir: string, hashes: string[]) {
	for (const sha256 of new Set(hashes)) {
		if (references(db, sha256) === 0) rmSync(join(dir, sha256), { force: true });
	}
}

/** Stores a document on a lesson of the visit: the file (once per content), then its row. */
export function attachToLesson(
	db: DB,
	dir: string,
	input: {
		actorId: number | null;
		visitId: number;
		lessonId: number;
		file: { name: string; size: number };
		bytes: Uint8Array;
	}
): { ok: true; id: number; sha256: string } | { ok: false; error: AttachError } {
	if (!lessonOfVisit(db, input.visitId, input.lessonId)) return { ok: false, error: 'not_found' };
	const checked = checkUpload(input.file, input.bytes);
	if (!checked.ok) return checked;
	const sha256 = createHash('sha256').update(input.bytes).digest('hex');
	writeOnce(dir, sha256, input.bytes);
	try {
		const id = db.transaction((tx) => {
			const row = tx
				.insert(attachments)
				.values({
					lessonId: input.lessonId,
					filename: checked.filename,
					mime: checked.mime,
					size: input.bytes.byteLength,
					sha256,
					uploadedById: input.actorId
				})
				.returning({ id: attachments.id })
				.get();
			recordAudit(tx, {
				actorId: input.actorId,
				entity: 'attachment',
				entityId: row.id,
				action: 'uploaded',
				changes: {
					lessonId: input.lessonId,
					filename: checked.filename,
					size: input.bytes.byteLength,
					sha256
				}
			});
			return row.id;
		});
		return { ok: true, id, sha256 };
	} catch (e) {
		removeUnreferenced(db, dir, [sha256]);
		throw e;
	}
}

/** An attachment with what the rules need to know about its lesson. */
export function getAttachment(db: Tx, id: number, viewer: Viewer = null) {
	return db
		.select({
			id: attachments.id,
			filename: attachments.filename,
			mime: attachments.mime,
			size: attachments.size,
			sha256: attachments.sha256,
			uploadedById: attachments.uploadedById,
			lessonId: attachments.lessonId,
			visitId: lessons.visitId,
			organisationId: lessons.organisationId,
			visibility: lessons.visibility
		})
		.from(attachments)
		.innerJoin(lessons, eq(attachments.lessonId, lessons.id))
		.where(and(eq(attachments.id, id), lessonVisibleTo(viewer)))
		.get();
}

export function storedPath(dir: string, sha256: string) {
	return join(dir, sha256);
}

/** Deletes an attachment of the visit; its file goes too when no other lesson shares it. */
export function deleteAttachment(
	db: DB,
	dir: string,
	actorId: number | null,
	visitId: number,
	id: number
): boolean {
	const found = getAttachment(db, id);
	if (!found || found.visitId !== visitId) return false;
	db.transaction((tx) => {
		tx.delete(attachments).where(eq(attachments.id, id)).run();
		recordAudit(tx, {
			actorId,
			entity: 'attachment',
			entityId: id,
			action: 'deleted',
			changes: { lessonId: found.lessonId, filename: found.filename, sha256: found.sha256 }
		});
	});
	removeUnreferenced(db, dir, [found.sha256]);
	return true;
}
