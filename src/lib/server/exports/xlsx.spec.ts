import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { toXlsx } from './xlsx';
import type { ExportTable } from './table';
import { HOSTILE } from './hostile';

type Row = { name: string; due: string | null; at: string | null; rating: number | string | null };

const rows: Row[] = [
	{ name: 'Djénéba Konaté', due: '2026-03-02', at: '2026-03-02T10:30', rating: 4 },
	{ name: 'المندوب', due: null, at: null, rating: 'Sans objet' }
];

function table(data: Iterable<Row>): ExportTable<Row> {
	return {
		name: 'test',
		sheet: 'Actions: suivi [2026]',
		columns: [
			{ header: 'Nom', cell: (r) => r.name },
			{ header: 'Échéance', cell: (r) => r.due, kind: 'date' },
			{ header: 'Arrivée', cell: (r) => r.at, kind: 'datetime' },
			{ header: 'Note', cell: (r) => r.rating }
		],
		rows: data
	};
}

async function read(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook.worksheets[0];
}

describe('Excel export', () => {
	it('writes real cells: text, dates with a date format, numbers as numbers', async () => {
		const sheet = await read(await toXlsx(table(rows)));
		expect(sheet.name).toBe('Actions  suivi  2026');
		expect(sheet.getRow(1).values).toEqual([undefined, 'Nom', 'Échéance', 'Arrivée', 'Note']);
		const due = sheet.getCell('B2');
		expect(due.type).toBe(ExcelJS.ValueType.Date);
		expect(due.value).toEqual(new Date(Date.UTC(2026, 2, 2)));
		expect(due.numFmt).toBe('yyyy-mm-dd');
		const at = sheet.getCell('C2');
		expect(at.type).toBe(ExcelJS.ValueType.Date);
		// The wall clock of the programme, whatever the server's zone.
		expect(at.value).toEqual(new Date(Date.UTC(2026, 2, 2, 10, 30)));
		expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
		expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
		expect(sheet.getCell('D2').value).toBe(4);
		expect(sheet.getCell('D3').value).toBe('Sans objet');
		expect(sheet.getCell('A3').value).toBe('المندوب');
		expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Null);
	});

	it('freezes a bold heading row, fits the widths, reads left-to-right unless asked', async () => {
		const sheet = await read(await toXlsx(table(rows)));
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.views[0].rightToLeft).toBeFalsy();
		expect(sheet.getRow(1).font?.bold ?? sheet.getCell('A1').font?.bold).toBe(true);
		expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('Djénéba Konaté'.length);
		expect(sheet.getColumn(4).width).toBeLessThan(20);
	});

	it('reads right-to-left for Arabic readers', async () => {
		const sheet = await read(await toXlsx(table(rows), { rightToLeft: true }));
		expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
	});

	it('keeps hostile text as text: no formula, nothing lost but what Excel cannot hold', async () => {
		const hostile = [...HOSTILE, 'nul\u0000 and bell\u0007', 'broken \ud800 pair'];
		const data = hostile.map((name) => ({ name, due: 'not a date', at: null, rating: name }));
		// Rows may come from any iterable, e.g. a generator over pages.
		const sheet = await read(
			await toXlsx(
				table(
					(function* () {
						yield* data;
					})()
				)
			)
		);
		expect(sheet.rowCount).toBe(hostile.length + 1);
		hostile.forEach((text, i) => {
			const cell = sheet.getCell(i + 2, 1);
			expect(cell.type).toBe(ExcelJS.ValueType.String);
			expect(cell.formula).toBeUndefined();
			if (text.length > 32_767) expect(cell.value).toBe(text.slice(0, 32_767));
			else if (i < HOSTILE.length) expect(cell.value).toBe(text.replace(/\r\n?/g, '\n'));
			// A date column holding something else keeps it as text.
			expect(sheet.getCell(i + 2, 2).value).toBe('not a date');
		});
		expect(sheet.getCell(hostile.length, 1).value).toBe('nul and bell');
		expect(sheet.getCell(hostile.length + 1, 1).value).toBe('broken \ufffd pair');
		expect(sheet.getColumn(1).width).toBeLessThanOrEqual(62);
	});
});
