// Excel workbooks, written by exceljs: what French-settings spreadsheets open without an import
// dialog. Real cells (numbers as numbers, dates as dates), the headings frozen and bold, widths
// that fit, right-to-left for Arabic readers, and never a formula: text is always a text cell.
// Written with exceljs's streaming writer, row after row into the zip, so a 10 000-row export
// holds one page of rows in memory, not the whole workbook.
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { exportTurn } from './slots';
import { wallClock, type CellValue, type ColumnKind, type ExportTable } from './table';

/** What Excel accepts in one cell; longer text makes it "repair" (truncate) the whole file. */
const CELL_MAX = 32_767;
const SHEET_NAME_MAX = 31;
/** Characters XML 1.0 cannot carry: left in, they make the file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/**
 * Column widths are written before the first row, so they are fitted to the rows that come
 * first (a list's first screenful and more); later rows wider than those wrap or run over.
 */
const WIDTH_SAMPLE = 500;
/** Rows written between two looks at the reader's pace. */
const ROWS_PER_STEP = 200;
const BUFFER_BYTES = 64 * 1024;
/** Sheet XML waiting for the zip beyond which the writer waits. */
const BACKLOG_BYTES = 256 * 1024;

const FORMATS: Record<ColumnKind, string | undefined> = {
	value: undefined,
	date: 'yyyy-mm-dd',
	datetime: 'yyyy-mm-dd hh:mm'
};

/** Text as a cell holds it: line breaks as Excel writes them (LF), nothing XML cannot carry. */
export function xlsxText(text: string) {
	return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '').slice(0, CELL_MAX).toWellFormed();
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string) {
	const clean = xlsxText(name)
		.replace(/[[\]:*?/\\]/g, ' ')
		.replace(/^'+|'+$/g, '')
		.trim()
		.slice(0, SHEET_NAME_MAX);
	return clean || 'Passerelle';
}

/** How wide a text reads: its longest line, in characters. */
function widthOf(text: string) {
	return Math.max(...text.split(/\r\n|\r|\n/).map((line) => [...line].length));
}

type XlsxCell = string | number | Date | null;

/** One row's cells as exceljs writes them, and how wide each reads. */
function cellsFor(
	values: CellValue[],
	kinds: ColumnKind[]
): { cells: XlsxCell[]; widths: number[] } {
	const widths: number[] = [];
	const cells = values.map((value, i): XlsxCell => {
		widths[i] = 0;
		if (value === null || value === undefined || value === '') return null;
		if (typeof value === 'number') {
			widths[i] = String(value).length;
			return value;
		}
		const text = xlsxText(value);
		const date = kinds[i] === 'value' ? null : wallClock(text);
		widths[i] = date ? FORMATS[kinds[i]]!.length : widthOf(text);
		// A string is always a text cell for exceljs: "=HYPERLINK(…)" stays words.
		return date ?? text;
	});
	return { cells, widths };
}

/**
 * Sheet XML the zip has not taken yet. exceljs hands the rows on without waiting for the zip
 * (its buffer ignores backpressure), so on a busy machine a writer faster than the compressor
 * would pile the whole sheet up in memory: the writer waits on this itself.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet) {
	type Piped = { writableLength?: number; readableLength?: number };
	const pipes = (sheet as unknown as { stream?: { pipes?: Piped[] } }).stream?.pipes ?? [];
	return pipes.reduce((n, p) => n + (p.writableLength ?? 0) + (p.readableLength ?? 0), 0);
}

/**
 * The workbook as a byte stream. Rows are pulled from `table.rows` only as fast as the reader
 * takes the file; cancelling the stream (the client went away) stops pulling them, which ends a
 * paged query's generator.
 */
export function xlsxStream<R>(
	table: ExportTable<R>,
	{ rightToLeft = false }: { rightToLeft?: boolean } = {}
): ReadableStream<Uint8Array> {
	const out = new PassThrough({ highWaterMark: BUFFER_BYTES });
	const rows = table.rows[Symbol.iterator]();
	let stopped = false;
	// The reader went away (the response was cancelled): no drain will ever come.
	const closed = new Promise<void>((resolve) =>
		out.once('close', () => {
			stopped = true;
			resolve();
		})
	);

	async function write() {
		const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
			stream: out,
			useStyles: true,
			useSharedStrings: false
		});
		workbook.creator = 'Passerelle';
		const sheet = workbook.addWorksheet(sheetName(table.sheet), {
			views: [{ state: 'frozen', xSplit: 0, ySplit: 1, rightToLeft }]
		});
		const kinds = table.columns.map((c) => c.kind ?? 'value');
		const widths = table.columns.map((c) => widthOf(c.header));
		const cellsOf = (row: R) => {
			const { cells, widths: w } = cellsFor(
				table.columns.map((c) => c.cell(row)),
				kinds
			);
			w.forEach((width, i) => (widths[i] = Math.max(widths[i], width)));
			return cells;
		};

		const first: XlsxCell[][] = [];
		for (let next = rows.next(); ; next = rows.next()) {
			if (next.done) break;
			first.push(cellsOf(next.value));
			if (first.length >= WIDTH_SAMPLE) break;
		}
		sheet.columns = table.columns.map((_, i) => {
			const format = FORMATS[kinds[i]];
			return {
				width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i] + 2)),
				// Long text wraps inside its width rather than running over the next columns.
				style: {
					...(format ? { numFmt: format } : {}),
					...(widths[i] > MAX_WIDTH ? { alignment: { wrapText: true, vertical: 'top' } } : {})
				}
			} as Partial<ExcelJS.Column>;
		});
		const heading = sheet.addRow(table.columns.map((c) => xlsxText(c.header)));
		heading.font = { bold: true };
		// The header keeps the column's format off: it is text.
		heading.eachCell((cell) => (cell.numFmt = '@'));
		heading.commit();
		for (const cells of first) sheet.addRow(cells).commit();

		let written = 0;
		for (let next = rows.next(); !next.done; next = rows.next()) {
			sheet.addRow(cellsOf(next.value)).commit();
			if (++written % ROWS_PER_STEP) continue;
			// Let the zip catch up, and wait while the reader is slower than the writer.
			await new Promise((resolve) => setImmediate(resolve));
			while (!stopped && sheetBacklog(sheet) > BACKLOG_BYTES) {
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			while (!stopped && out.writableNeedDrain) {
				await Promise.race([once(out, 'drain').catch(() => {}), closed]);
			}
			if (stopped) {
				rows.return?.();
				return;
			}
		}
		sheet.commit();
		await workbook.commit();
	}

	// A turn among the exports being written (slots.ts), kept until the file is written or dropped.
	exportTurn().then((endTurn) => {
		out.once('close', endTurn);
		if (stopped) {
			rows.return?.();
			return endTurn();
		}
		write()
			.catch((error) => {
				rows.return?.();
				out.destroy(error instanceof Error ? error : new Error(String(error)));
			})
			.finally(endTurn);
	});
	// Counted in bytes: by default Node counts chunks against the byte high-water mark, and would
	// queue 65 536 of them ahead of a slow reader.
	const strategy = new ByteLengthQueuingStrategy({ highWaterMark: BUFFER_BYTES });
	return Readable.toWeb(out, { strategy }) as ReadableStream<Uint8Array>;
}

/** The whole workbook in memory: for tests and small callers. */
export async function toXlsx<R>(
	table: ExportTable<R>,
	options: { rightToLeft?: boolean } = {}
): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await new Response(xlsxStream(table, options)).arrayBuffer());
}
