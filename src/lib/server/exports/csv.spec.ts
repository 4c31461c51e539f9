import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { guardFormula, toCsv } from './csv';
import type { ExportTable } from './table';
import { HOSTILE, startsFormula } from './hostile';

type Row = { name: string; note: string | null; due?: string; at?: string; n?: number };

function table(rows: Row[]): ExportTable<Row> {
	return {
		name: 'test',
		sheet: 'Test',
		columns: [
			{ header: 'name', cell: (r) => r.name },
			{ header: 'note', cell: (r) => r.note },
			{ header: 'due', cell: (r) => r.due, kind: 'date' },
			{ header: 'at', cell: (r) => r.at, kind: 'datetime' },
			{ header: 'n', cell: (r) => r.n }
		],
		rows
	};
}

const body = (csv: string) => {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	return csv.slice(1);
};

describe('CSV', () => {
	it('starts with a byte-order mark, ends lines with CRLF, writes times as the programme shows them', () => {
		const csv = toCsv(
			table([
				{
					name: 'Awa',
					note: 'végétarienne, sans arachides',
					due: '2026-03-02',
					at: '2026-03-02T10:30',
					n: -3
				},
				{ name: 'Moussa', note: null }
			])
		);
		expect(csv).toBe(
			'\uFEFFname,note,due,at,n\r\n' +
				'Awa,"végétarienne, sans arachides",2026-03-02,2026-03-02 10:30,-3\r\n' +
				'Moussa,,,,\r\n'
		);
	});

	it('guards formulas at the start of a cell and after a ";" inside it, but not numbers', () => {
		expect(guardFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		expect(guardFormula(' =1')).toBe(`' =1`);
		expect(guardFormula('"=1"')).toBe(`'"=1"`);
		expect(guardFormula('Bilan;=1')).toBe(`Bilan;'=1`);
		expect(guardFormula('a=b, c-d')).toBe('a=b, c-d');
		expect(guardFormula('Djénéba Konaté')).toBe('Djénéba Konaté');
		expect(guardFormula(-3)).toBe(-3);
		expect(guardFormula(null)).toBe(null);
	});

	it('reads back with "," as one cell per value, every hostile one guarded', () => {
		const rows = HOSTILE.map((note, i) => ({ name: `r${i}`, note }));
		const parsed: string[][] = parse(body(toCsv(table(rows))), { delimiter: ',' });
		expect(parsed).toHaveLength(HOSTILE.length + 1);
		parsed.slice(1).forEach((cells, i) => {
			expect(cells).toHaveLength(5);
			expect(cells[0]).toBe(`r${i}`);
			expect(startsFormula(cells[1])).toBe(false);
			// The text is all there, behind the guard.
			expect(cells[1].replace(/^'/, '').replaceAll(";'", ';')).toBe(HOSTILE[i]);
		});
	});

	it('reads back with ";" (French list separator): each hostile cell is one cell, guarded', () => {
		const single: ExportTable<string> = {
			name: 'test',
			sheet: 'Test',
			columns: [{ header: 'note', cell: (r) => r }],
			rows: HOSTILE
		};
		const parsed: string[][] = parse(body(toCsv(single)), { delimiter: ';' });
		expect(parsed.slice(1).map((cells) => cells.length)).toEqual(HOSTILE.map(() => 1));
		parsed.slice(1).forEach(([cell], i) => {
			expect(startsFormula(cell)).toBe(false);
			if (startsFormula(HOSTILE[i])) expect(cell.startsWith("'")).toBe(true);
		});
	});

	it('leaves no formula to a spreadsheet splitting a many-column file on ";"', () => {
		const rows = HOSTILE.map((note) => ({ name: 'x', note }));
		// Spreadsheets read a quote in the middle of a field as text, as relax_quotes does.
		const parsed: string[][] = parse(body(toCsv(table(rows))), {
			delimiter: ';',
			relax_quotes: true,
			relax_column_count: true
		});
		for (const cell of parsed.flat()) expect(startsFormula(cell)).toBe(false);
	});
});
