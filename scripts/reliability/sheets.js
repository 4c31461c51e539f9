// Evaluation answers among the crash and load writes. A save replaces a sheet's answers, so "every
// acknowledged write is stored" becomes, per sheet: it holds the last save acknowledged to its
// writer, or a save sent after that one and never answered (in flight at the kill or at the end of
// the run) — nothing older, nothing else. Each writer has its own delegate sheet (its private
// link) and saves one draft at a time, each with a distinct text answer.
import { createHash } from 'node:crypto';
import { openDb, postAction } from './lib.js';

/** Visit 1 of the demo network (KEOOGO at the Dispensaire Trottoir) is over and not evaluated. */
const VISIT = 1;

const sha256 = (s) => createHash('sha256').update(s).digest('hex');

/**
 * Opens the visit's evaluation as the staff do (through the app), then reads the links of the
 * mails from the outbox, as the browser tests do. Returns one sheet per delegate with an address.
 */
export async function openSheets(origin, database, staffCookie, visitId = VISIT) {
	const opened = await postAction(origin, `/visits/${visitId}/evaluation?/open`, staffCookie, {});
	if (opened.type !== 'success') {
		throw new Error(`visit ${visitId}'s evaluation did not open: ${opened.status} ${opened.text}`);
	}
	const db = openDb(database, { readonly: true });
	const tokens = db
		.prepare(`SELECT body FROM outbox WHERE kind = 'evaluation_opened'`)
		.pluck()
		.all()
		.flatMap((b) => [...b.matchAll(/\/e\/([a-z2-7]{64})/g)].map((m) => m[1]));
	const response = db.prepare(
		`SELECT r.id, e.template_id AS templateId FROM evaluation_responses r
		 JOIN evaluations e ON e.id = r.evaluation_id WHERE r.token_hash = ? AND e.visit_id = ?`
	);
	const sheets = [...new Set(tokens)]
		.map((token) => ({ token, ...response.get(sha256(token), visitId) }))
		.filter((s) => s.id);
	const question = db.prepare(
		`SELECT id FROM evaluation_questions WHERE template_id = ? AND kind = ? ORDER BY position`
	);
	for (const s of sheets) {
		s.textQuestion = question.get(s.templateId, 'text')?.id;
		s.ratingQuestion = question.get(s.templateId, 'rating')?.id;
	}
	db.close();
	if (!sheets.length || !sheets[0].textQuestion) throw new Error('no evaluation sheet to write');
	return sheets;
}

/** One sheet and what its writer knows: the last acknowledged save, the saves not answered. */
export class SheetWriter {
	constructor(sheet, prefix) {
		this.sheet = sheet;
		this.prefix = `${prefix}s${sheet.id}n`;
		this.n = 0;
		/** The text of the last acknowledged save (or the state found after a kill). */
		this.last = null;
		/** Saves sent after `last` that got no answer, by text. */
		this.unanswered = new Set();
		this.acknowledged = 0;
		/** Times the sheet held a save that was never answered (committed, then the answer lost). */
		this.heldInFlight = 0;
	}

	/** The next draft save: a distinct text answer (and a rating, so a save writes two rows). */
	next() {
		const n = this.n++;
		const text = `${this.prefix}${n}`;
		const fields = { [`q${this.sheet.textQuestion}`]: text };
		if (this.sheet.ratingQuestion) fields[`q${this.sheet.ratingQuestion}`] = String(1 + (n % 5));
		this.unanswered.add(text);
		return { path: `/e/${this.sheet.token}?/save`, fields, text };
	}

	get rowsPerSave() {
		return this.sheet.ratingQuestion ? 2 : 1;
	}

	answered(text, acknowledged) {
		this.unanswered.delete(text);
		if (!acknowledged) return;
		this.last = text;
		// Saves sent before this one and never answered can no longer be the sheet's state.
		this.unanswered.clear();
		this.acknowledged++;
	}

	/** Compares the stored sheet with what the writer knows; a problem is a string. */
	check(db) {
		const rows = db
			.prepare(
				`SELECT question_id AS q, text FROM evaluation_answers WHERE response_id = ? ORDER BY q`
			)
			.all(this.sheet.id);
		const stored = rows.find((r) => r.q === this.sheet.textQuestion)?.text ?? null;
		const expectedRows = stored === null ? 0 : this.rowsPerSave;
		if (rows.length !== expectedRows) {
			return `sheet ${this.sheet.id}: ${rows.length} answer rows, ${expectedRows} expected`;
		}
		if (stored === this.last) return null;
		if (stored !== null && this.unanswered.has(stored)) {
			this.heldInFlight++;
			return null;
		}
		return `sheet ${this.sheet.id} holds ${stored ?? 'nothing'}, last acknowledged ${this.last}`;
	}

	/** After a kill: what the sheet holds now is the state later saves start from. */
	settle(db) {
		this.last =
			db
				.prepare(`SELECT text FROM evaluation_answers WHERE response_id = ? AND question_id = ?`)
				.pluck()
				.get(this.sheet.id, this.sheet.textQuestion) ?? null;
		this.unanswered.clear();
	}
}

/** Figures over all writers for the harness output. */
export function sheetFigures(writers) {
	return {
		sheets: writers.length,
		saves: writers.reduce((n, w) => n + w.acknowledged, 0),
		heldInFlight: writers.reduce((n, w) => n + w.heldInFlight, 0)
	};
}
