// CSV for spreadsheet users, written by csv-stringify. Comma-separated (RFC 4180), but opened as
// often with a French list separator (";"): a cell holding either separator is quoted, and the
// formula guard holds whichever separator the spreadsheet splits on.
import { AsyncLocalStorage } from 'node:async_hooks';
import { stringify, type Options } from 'csv-stringify/sync';
import { exportTurn } from './slots';
import { cellsOf, wallClockText, type CellValue, type ExportTable } from './table';

/**
 * Text a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM", a leading tab
 * or CR), also behind leading spaces or quotes, which some spreadsheets skip.
 */
const FORMULA_START = /^(?:[\s"']*[=+\-@]|[\t\r])/;
/** The same after a ";" inside a cell: a spreadsheet splitting on ";" starts a new cell there. */
const FORMULA_AFTER_SEMICOLON = /;(?=[\s"']*[=+\-@]|[\t\r])/g;

/**
 * Text made inert for spreadsheets: a leading apostrophe, which they show as the start of text.
 * A number we wrote ourselves ("-3") is data, not a formula; only text is guarded.
 */
export function guardFormula(value: CellValue): string | number | null | undefined {
	if (typeof value !== 'string') return value;
	const text = value.replace(FORMULA_AFTER_SEMICOLON, ";'");
	return FORMULA_START.test(text) ? `'${text}` : text;
}

const OPTIONS: Options = {
	record_delimiter: 'windows',
	// csv-stringify quotes the comma, quotes and line ends; ";" is quoted for spreadsheets that
	// split on it, so a cell stays one cell there too.
	quoted_match: [/;/, /[\r\n]/]
};

/** Lines of the file, each CRLF-terminated. */
export function csvLines(rows: readonly (readonly CellValue[])[]): string {
	return stringify(
		rows.map((cells) => cells.map(guardFormula)),
		OPTIONS
	);
}

/** Rows given to csv-stringify at once: one call per row cost seven times as much. */
const LINES_PER_CHUNK = 200;

/**
 * The file in pieces, headings first: a byte-order mark, without which Excel reads UTF-8 as a
 * legacy code page and garbles accents and Arabic, then the lines, a few hundred at a time, as
 * `rows` yields them.
 */
export function* csvChunks<R>(table: ExportTable<R>): Generator<string> {
	yield '\uFEFF';
	const kinds = table.columns.map((c) => c.kind ?? 'value');
	let first = true;
	let batch: CellValue[][] = [];
	for (const cells of cellsOf(table)) {
		batch.push(
			first
				? cells
				: cells.map((v, i) =>
						kinds[i] === 'datetime' && typeof v === 'string' ? wallClockText(v) : v
					)
		);
		first = false;
		if (batch.length < LINES_PER_CHUNK) continue;
		yield csvLines(batch);
		batch = [];
	}
	if (batch.length) yield csvLines(batch);
}

export function toCsv<R>(table: ExportTable<R>): string {
	return [...csvChunks(table)].join('');
}

/** About this much text per chunk handed to the response. */
const CHUNK_CHARS = 32 * 1024;

/**
 * The file as a byte stream, rows pulled from `table.rows` only when the reader wants more (the
 * response's backpressure); cancelling it (the client went away) ends the rows' generator, so a
 * paged query stops where it was.
 */
export function csvStream<R>(table: ExportTable<R>): ReadableStream<Uint8Array> {
	const chunks = csvChunks(table);
	const encoder = new TextEncoder();
	// Rows are read after the handler has returned, when the reader asks: in the request's context
	// still, so labels come in the reader's language.
	const inRequest = AsyncLocalStorage.snapshot();
	let endTurn: (() => void) | undefined;
	let cancelled = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			endTurn ??= await exportTurn();
			if (cancelled) return endTurn();
			try {
				inRequest(() => read(controller));
			} catch (error) {
				endTurn();
				throw error;
			}
		},
		cancel() {
			cancelled = true;
			chunks.return(undefined);
			endTurn?.();
		}
	});

	function read(controller: ReadableStreamDefaultController<Uint8Array>) {
		let text = '';
		let next = chunks.next();
		for (; !next.done; next = chunks.next()) {
			text += next.value;
			if (text.length >= CHUNK_CHARS) break;
		}
		if (text) controller.enqueue(encoder.encode(text));
		if (next.done) {
			controller.close();
			endTurn?.();
		}
	}
}
