// A list as it leaves the app, described once for every format: the columns (heading, how to read
// a row, what kind of value) and the rows. Rows are any iterable, so a later export can walk keyset
// pages lazily without the writers changing.

/** What a column holds; text and numbers are told apart by their JS type. */
export type ColumnKind = 'value' | 'date' | 'datetime';

/**
 * A cell as a column reads it. `date` columns give "yyyy-MM-dd" and `datetime` columns a wall
 * clock "yyyy-MM-ddTHH:mm" (the visit's own time, as the programme shows it).
 */
export type CellValue = string | number | null | undefined;

export type Column<R> = {
	header: string;
	cell: (row: R) => CellValue;
	kind?: ColumnKind;
};

export type ExportTable<R> = {
	/** The file name without extension, ASCII (the same for every language). */
	name: string;
	/** The worksheet's title, in the reader's language. */
	sheet: string;
	columns: readonly Column<R>[];
	rows: Iterable<R>;
};

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/**
 * A wall-clock date or time as the Date a spreadsheet shows as that same day and hour: xlsx has
 * no time zones, and exceljs writes a Date's UTC fields, so the wall clock goes in as UTC.
 */
export function wallClock(text: string): Date | null {
	const m = WALL_TIME.exec(text);
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0'] = m;
	return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi));
}

/** The same value as text, for formats without dates: "2026-03-02 10:30". */
export function wallClockText(text: string) {
	return text.replace('T', ' ');
}

/** The rows as cells, one array per row, headings first; pulled lazily from `rows`. */
export function* cellsOf<R>(table: ExportTable<R>): Generator<CellValue[]> {
	yield table.columns.map((c) => c.header);
	for (const row of table.rows) yield table.columns.map((c) => c.cell(row));
}
