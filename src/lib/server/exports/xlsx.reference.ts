// The Excel writer as it was before exports were streamed (the whole workbook built in memory,
// widths fitted to every row): kept as the reference the streamed writer is tested against.
import ExcelJS from 'exceljs';
import { wallClock, type ColumnKind, type ExportTable } from './table';

/** What Excel accepts in one cell; longer text makes it "repair" (truncate) the whole file. */
const CELL_MAX = 32_767;
const SHEET_NAME_MAX = 31;
/** Characters XML 1.0 cannot carry: left in, they make the file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

const FORMATS: Record<ColumnKind, string | undefined> = {
	value: undefined,
	date: 'yyyy-mm-dd',
	datetime: 'yyyy-mm-dd hh:mm'
};

/** Text as a cell holds it: line breaks as Excel writes them (LF), nothing XML cannot carry. */
function xlsxText(text: string) {
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

export async function inMemoryXlsx<R>(
	table: ExportTable<R>,
	{ rightToLeft = false }: { rightToLeft?: boolean } = {}
): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Passerelle';
	const sheet = workbook.addWorksheet(sheetName(table.sheet), {
		views: [{ state: 'frozen', xSplit: 0, ySplit: 1, rightToLeft }]
	});
	const kinds = table.columns.map((c) => c.kind ?? 'value');
	const widths = table.columns.map((c) => widthOf(c.header));

	const heading = sheet.addRow(table.columns.map((c) => xlsxText(c.header)));
	heading.font = { bold: true };

	for (const row of table.rows) {
		const values = table.columns.map((column, i) => {
			const value = column.cell(row);
			if (value === null || value === undefined || value === '') return null;
			if (typeof value === 'number') {
				widths[i] = Math.max(widths[i], String(value).length);
				return value;
			}
			const text = xlsxText(value);
			const date = kinds[i] === 'value' ? null : wallClock(text);
			widths[i] = Math.max(widths[i], date ? FORMATS[kinds[i]]!.length : widthOf(text));
			// A string is always a text cell for exceljs: "=HYPERLINK(…)" stays words.
			return date ?? text;
		});
		sheet.addRow(values);
	}

	table.columns.forEach((_, i) => {
		const column = sheet.getColumn(i + 1);
		column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i] + 2));
		const format = FORMATS[kinds[i]];
		if (format) column.numFmt = format;
		// Long text wraps inside its width rather than running over the next columns.
		if (widths[i] > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
	});
	// The header keeps the column's format off: it is text.
	heading.eachCell((cell) => (cell.numFmt = '@'));
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
