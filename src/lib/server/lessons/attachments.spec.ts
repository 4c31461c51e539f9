import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { actions, attachments, auditEvents, lessons } from '../db/schema';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { createLesson, lessonsOfVisit } from './record';
import { createAction } from '../actions/changes';
import {
	ATTACHMENT_MAX_BYTES,
	attachToLesson,
	attachmentsDir,
	cleanFilename,
	deleteAttachment,
	detectType,
	getAttachment
} from './attachments';
import { deleteLesson, updateLesson } from './edits';

let db: DB;
let dir: string;
let keoogo: number, racines: number, visitId: number, otherVisitId: number;

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]);
const zip = (...names: string[]) =>
	Uint8Array.from([
		...[0x50, 0x4b, 0x03, 0x04],
		...new Array(26).fill(0),
		...new TextEncoder().encode(names.join(''))
	]);

const newLesson = (visit = visitId, visibility: 'network' | 'participants' = 'network') => {
	const made = createLesson(db, null, visit, {
		organisationId: keoogo,
		title: 'Fiches d’activité',
		observed: '',
		adaptation: '',
		visibility,
		themeIds: []
	});
	if (!made.ok) throw new Error('lesson not created');
	return made.id;
};

const upload = (lessonId: number, name: string, bytes: Uint8Array, visit = visitId) =>
	attachToLesson(db, dir, {
		actorId: null,
		visitId: visit,
		lessonId,
		file: { name, size: bytes.byteLength },
		bytes
	});

const rows = () => db.select({ n: count() }).from(attachments).get()!.n;
const stored = () => readdirSync(dir).filter((f) => !f.startsWith('.'));

beforeEach(() => {
	db = createTestDb();
	dir = join(mkdtempSync(join(tmpdir(), 'passerelle-attachments-')), 'attachments');
	keoogo = addOrganisation(db, 'KEOOGO');
	const dt = addOrganisation(db, 'DT');
	racines = addOrganisation(db, 'RACINES');
	const organisations: [number, 'host' | 'visitor'][] = [
		[dt, 'host'],
		[keoogo, 'visitor']
	];
	visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2024-05-05',
		endsOn: '2024-05-10',
		timeZone: 'Africa/Ouagadougou',
		organisations
	});
	otherVisitId = addVisit(db, {
		status: 'completed',
		startsOn: '2024-06-05',
		endsOn: '2024-06-10',
		timeZone: 'Africa/Ouagadougou',
		organisations
	});
});

afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('file type, from the bytes', () => {
	it('recognises the accepted kinds when the name agrees', () => {
		expect(detectType(PDF, 'fiche.pdf')).toBe('application/pdf');
		expect(detectType(PNG, 'photo.PNG')).toBe('image/png');
		expect(detectType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'a.jpeg')).toBe('image/jpeg');
		const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
		expect(detectType(webp, 'a.webp')).toBe('image/webp');
		expect(detectType(zip('[Content_Types].xml', 'word/document.xml'), 'bulletin.docx')).toMatch(
			/wordprocessingml/
		);
		const odt = zip('mimetype', 'application/vnd.oasis.opendocument.text');
		expect(detectType(odt, 'bulletin.odt')).toBe('application/vnd.oasis.opendocument.text');
		expect(detectType(new TextEncoder().encode('Élèves;Classe\n'), 'liste.csv')).toMatch(/csv/);
	});

	it('refuses a program renamed .pdf, a PNG called .pdf, a plain zip called .docx', () => {
		expect(detectType(EXE, 'fiche.pdf')).toBeNull();
		expect(detectType(PNG, 'fiche.pdf')).toBeNull();
		expect(detectType(PDF, 'fiche.exe')).toBeNull();
		expect(detectType(zip('payload.js'), 'bulletin.docx')).toBeNull();
		expect(detectType(zip('mimetype', 'application/epub+zip'), 'livre.odt')).toBeNull();
		expect(detectType(Uint8Array.from([0x41, 0, 0x42]), 'notes.txt')).toBeNull();
		expect(detectType(Uint8Array.from([0xc3, 0x28]), 'notes.txt')).toBeNull();
	});

	it('keeps a usable name: no folders, no control characters', () => {
		expect(cleanFilename('C:\\Users\\awa\\Fiche "1".pdf')).toBe('Fiche 1.pdf');
		expect(cleanFilename('../../etc/passwd\n.txt')).toBe('passwd.txt');
		expect(cleanFilename(`${'a'.repeat(400)}.pdf`)).toMatch(/^a+\.pdf$/);
		expect(cleanFilename(`${'a'.repeat(400)}.pdf`).length).toBeLessThanOrEqual(180);
	});
});

describe('uploads', () => {
	it('stores one file per content, named by its SHA-256, with an audit event', () => {
		const first = upload(newLesson(), 'fiche.pdf', PDF);
		const second = upload(newLesson(), 'copie.pdf', PDF);
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok) return;
		expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(stored()).toEqual([first.sha256]);
		expect(readFileSync(join(dir, first.sha256))).toEqual(Buffer.from(PDF));
		expect(rows()).toBe(2);
		const audit = db.select().from(auditEvents).where(eq(auditEvents.entity, 'attachment'));
		expect(audit.all().map((e) => e.action)).toEqual(['uploaded', 'uploaded']);
	});

	it('refuses bad input and writes nothing', () => {
		const lessonId = newLesson();
		expect(upload(lessonId, 'fiche.pdf', EXE)).toEqual({ ok: false, error: 'type' });
		expect(upload(lessonId, 'vide.pdf', new Uint8Array())).toEqual({ ok: false, error: 'empty' });
		const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
		big.set(PDF);
		expect(upload(lessonId, 'gros.pdf', big)).toEqual({ ok: false, error: 'too_large' });
		expect(upload(lessonId, '', PDF)).toEqual({ ok: false, error: 'required' });
		expect(rows()).toBe(0);
		expect(existsSync(dir) ? stored() : []).toEqual([]);
	});

	it('accepts exactly 10 MB', () => {
		const limit = new Uint8Array(ATTACHMENT_MAX_BYTES);
		limit.set(PDF);
		expect(upload(newLesson(), 'limite.pdf', limit).ok).toBe(true);
	});

	it("refuses another visit's lesson (a form naming it gets nothing)", () => {
		const elsewhere = newLesson(otherVisitId);
		expect(upload(elsewhere, 'fiche.pdf', PDF, visitId)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(rows()).toBe(0);
	});

	it('keeps a participants-only lesson’s documents from outsiders', () => {
		const secret = newLesson(visitId, 'participants');
		const made = upload(secret, 'bulletin.pdf', PDF);
		if (!made.ok) throw new Error('not stored');
		expect(getAttachment(db, made.id, [racines])).toBeUndefined();
		expect(getAttachment(db, made.id, [keoogo])?.filename).toBe('bulletin.pdf');
		expect(getAttachment(db, made.id, null)?.filename).toBe('bulletin.pdf');
		expect(lessonsOfVisit(db, visitId, [racines])).toEqual([]);
	});
});

describe('deletions', () => {
	it('removes the file only when no row names its content any more', () => {
		const a = upload(newLesson(), 'a.pdf', PDF);
		const b = upload(newLesson(), 'b.pdf', PDF);
		if (!a.ok || !b.ok) throw new Error('not stored');
		expect(deleteAttachment(db, dir, null, otherVisitId, a.id)).toBe(false);
		expect(deleteAttachment(db, dir, null, visitId, a.id)).toBe(true);
		expect(stored()).toEqual([a.sha256]);
		expect(deleteAttachment(db, dir, null, visitId, b.id)).toBe(true);
		expect(stored()).toEqual([]);
		const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'deleted'));
		expect(audit.all()).toHaveLength(2);
	});

	it('deleting a lesson takes its documents and files, and keeps its actions', () => {
		const lessonId = newLesson();
		const made = upload(lessonId, 'a.png', PNG);
		if (!made.ok) throw new Error('not stored');
		createAction(
			db,
			null,
			visitId,
			{
				title: 'Partager les fiches',
				details: '',
				ownerOrganisationId: keoogo,
				dueOn: '2024-09-30',
				lessonId
			},
			{ today: '2024-09-01', confirmed: false }
		);
		expect(deleteLesson(db, dir, null, lessonId)).toBe(true);
		expect(rows()).toBe(0);
		expect(stored()).toEqual([]);
		expect(db.select().from(actions).get()?.lessonId).toBeNull();
	});

	it('an edit saved over a newer version is refused as stale', () => {
		const lessonId = newLesson();
		const read = db.select().from(lessons).where(eq(lessons.id, lessonId)).get()!;
		const edit = {
			title: 'Fiches revues',
			observed: 'Observé',
			adaptation: '',
			visibility: 'network' as const,
			themeIds: [],
			version: read.version
		};
		expect(updateLesson(db, null, lessonId, edit)).toEqual({ ok: true, version: 2 });
		// The server's text comes back, to be shown beside the refused one.
		expect(updateLesson(db, null, lessonId, { ...edit, title: 'Autre' })).toEqual({
			ok: false,
			field: 'version',
			now: { version: 2, title: 'Fiches revues', observed: 'Observé', adaptation: '' }
		});
		expect(db.select().from(lessons).get()?.title).toBe('Fiches revues');
	});
});

it('lives next to the database file', () => {
	expect(attachmentsDir('/srv/passerelle/data/passerelle.db')).toBe(
		'/srv/passerelle/data/attachments'
	);
});
