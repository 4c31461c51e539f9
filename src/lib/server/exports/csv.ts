// CSV as RFC 4180 writes it, for spreadsheet users. No CSV library is installed yet; this stays
// small on purpose and can give way to one (csv-stringify) without changing its callers.

/** Cells a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it would start a formula, quoted when it holds a separator. */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	// A number we wrote ourselves is data, not a formula; only text is guarded.
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The whole file: CRLF line ends (RFC 4180) and a byte-order mark, without which Excel reads
 * UTF-8 as a legacy code page and garbles accents and Arabic.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
