// The streamed exports against what the in-memory ones wrote, and what a client hanging up does.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setResponse } from '@sveltejs/kit/node';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvStream, toCsv } from './csv';
import { xlsxStream } from './xlsx';
import { exportResponse } from './response';
import { keysetRows } from './pages';
import { HOSTILE } from './hostile';
import { inMemoryXlsx } from './xlsx.reference';
import type { ExportTable } from './table';

type Row = { n: number; text: string; due: string | null; at: string | null; score: number | null };

const noise = () => Math.random().toString(36).repeat(4);
/** Rows of text that compresses badly. */
const rows200 = (count: number) => rows(count).map((r) => ({ ...r, text: noise() }));

/** Every hostile text, dates and numbers, over many more rows than one chunk or page holds. */
function rows(count: number): Row[] {
	return Array.from({ length: count }, (_, n) => ({
		n,
		text: HOSTILE[n % HOSTILE.length].slice(0, n % HOSTILE.length === 14 ? 2_000 : undefined),
		due: n % 3 ? `2026-0${1 + (n % 9)}-1${n % 10}` : null,
		at: n % 4 ? `2026-03-02T1${n % 10}:30` : null,
		score: n % 5 ? -n : null
	}));
}

function table(data: Iterable<Row>): ExportTable<Row> {
	return {
		name: 'test',
		sheet: 'Suivi; "actions" [2026]',
		columns: [
			{ header: 'N°', cell: (r) => r.n },
			{ header: 'Texte; "cité", =1', cell: (r) => r.text },
			{ header: 'Échéance', cell: (r) => r.due, kind: 'date' },
			{ header: 'Arrivée', cell: (r) => r.at, kind: 'datetime' },
			{ header: 'Note', cell: (r) => r.score }
		],
		rows: data
	};
}

async function readXlsx(bytes: ArrayBuffer | Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes as ArrayBuffer) as unknown as ExcelJS.Buffer);
	return workbook.worksheets[0];
}

describe('streamed CSV', () => {
	it('is byte for byte the in-memory file, and reads back the same with "," and ";"', async () => {
		const data = rows(1_500);
		const bytes = Buffer.from(await new Response(csvStream(table(data))).arrayBuffer());
		const inMemory = toCsv(table(data));
		expect(bytes.length).toBeGreaterThan(200_000);
		expect(bytes.equals(Buffer.from(inMemory))).toBe(true);
		const streamed = bytes.toString('utf8');
		for (const delimiter of [',', ';']) {
			const options = { delimiter, bom: true, relax_quotes: true, relax_column_count: true };
			expect(parse(streamed, options)).toEqual(parse(inMemory, options));
		}
		const cells: string[][] = parse(streamed, { bom: true });
		expect(cells).toHaveLength(data.length + 1);
		expect(cells[1 + 13][1]).toBe(HOSTILE[13]);
		expect(cells[1 + 1][1]).toBe(`Bilan;'=HYPERLINK("http://evil.example";"x")`);
		expect(cells[1 + 10][1]).toBe(HOSTILE[10]);
	}, 20_000);
});

describe('streamed Excel workbook', () => {
	it('holds the cells, formats, view and widths the in-memory workbook held', async () => {
		const data = rows(700);
		for (const rightToLeft of [false, true]) {
			const streamed = await readXlsx(
				await new Response(xlsxStream(table(data), { rightToLeft })).arrayBuffer()
			);
			const reference = await readXlsx(await inMemoryXlsx(table(data), { rightToLeft }));
			expect(streamed.name).toBe(reference.name);
			expect(streamed.rowCount).toBe(data.length + 1);
			expect(streamed.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft });
			expect(streamed.getCell('A1').font?.bold).toBe(true);
			for (let r = 1; r <= data.length + 1; r++) {
				for (let c = 1; c <= 5; c++) {
					const [mine, theirs] = [streamed.getCell(r, c), reference.getCell(r, c)];
					expect({ r, c, type: mine.type, value: mine.value, formula: mine.formula }).toEqual({
						r,
						c,
						type: theirs.type,
						value: theirs.value,
						formula: theirs.formula
					});
					if (mine.value !== null) expect(mine.numFmt).toBe(theirs.numFmt);
				}
			}
			for (let c = 1; c <= 5; c++) {
				expect(streamed.getColumn(c).width).toBe(reference.getColumn(c).width);
			}
		}
	}, 20_000);
});

describe('keyset rows', () => {
	it('reads pages after the last key, up to the maximum, and no page past the end', () => {
		const all = Array.from({ length: 23 }, (_, i) => ({ day: `2026-01-0${1 + (i % 3)}`, id: i }));
		const sorted = [...all].sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id);
		const reads: number[] = [];
		const page = (after: { day: string; id: number } | null, limit: number) => {
			reads.push(limit);
			return sorted
				.filter((r) => !after || r.day > after.day || (r.day === after.day && r.id > after.id))
				.slice(0, limit);
		};
		expect([...keysetRows(page, (r) => r, { pageSize: 5 })]).toEqual(sorted);
		expect(reads).toEqual([5, 5, 5, 5, 5]);
		reads.length = 0;
		expect([...keysetRows(page, (r) => r, { pageSize: 5, max: 12 })]).toEqual(sorted.slice(0, 12));
		expect(reads).toEqual([5, 5, 2]);
	});
});

describe('a client that hangs up mid-export', () => {
	let server: Server | undefined;
	afterEach(
		() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
	);

	/** An endless export whose pages are counted, served as the production server serves it. */
	async function serve(format: 'csv' | 'xlsx') {
		const state = { pages: 0, finished: false };
		function* endless() {
			try {
				yield* keysetRows(
					(after: number | null, limit) => {
						state.pages++;
						const from = (after ?? -1) + 1;
						// Text that compresses badly: the sockets' buffers fill after fewer rows.
						return rows200(limit).map((r, i) => ({ ...r, n: from + i }));
					},
					(r) => r.n,
					{ pageSize: 200 }
				);
			} finally {
				state.finished = true;
			}
		}
		server = createServer((_, res) => {
			void setResponse(res, exportResponse(table(endless()), format, 'fr'));
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		return { state, url: `http://127.0.0.1:${port}/` };
	}

	const pause = () => new Promise((r) => setTimeout(r, 400));
	/** Waits until no page has been read for a while. */
	async function settled(state: { pages: number }) {
		for (let before = -1; state.pages !== before; await pause()) before = state.pages;
	}

	for (const format of ['csv', 'xlsx'] as const) {
		it(`stops reading pages when the ${format} download is cut`, async () => {
			const { state, url } = await serve(format);
			const response = await new Promise<IncomingMessage>((resolve) => get(url, resolve));
			let bytes = 0;
			await new Promise<void>((resolve) =>
				response.on('data', (chunk: Buffer) => {
					if ((bytes += chunk.length) < 300_000) return;
					response.pause();
					resolve();
				})
			);
			// A reader that stops reading holds the writer back once the sockets' buffers are full
			// (quick for CSV; a workbook compresses so well that it takes long on a busy machine).
			if (format === 'csv') await settled(state);
			expect(state.finished).toBe(false);
			response.destroy();
			await expect.poll(() => state.finished, { timeout: 10_000 }).toBe(true);
			const pages = state.pages;
			await pause();
			expect(state.pages).toBe(pages);
		}, 30_000);
	}

	it('holds the workbook writer back while its reader does not read', async () => {
		const state = { pages: 0 };
		const rows = keysetRows(
			(after: number | null, limit) => {
				state.pages++;
				const from = (after ?? -1) + 1;
				return rows200(limit).map((r, i) => ({ ...r, n: from + i }));
			},
			(r) => r.n,
			{ pageSize: 200 }
		);
		const reader = xlsxStream(table(rows)).getReader();
		for (let bytes = 0; bytes < 100_000;) bytes += (await reader.read()).value!.length;
		await settled(state);
		// An endless list: the writer stopped because nobody read. It runs some way ahead (the zip's
		// and the streams' buffers: about 14 000 of these rows), but not on and on.
		expect(state.pages).toBeLessThan(150);
		await reader.cancel();
		const pages = state.pages;
		await pause();
		expect(state.pages).toBe(pages);
	}, 30_000);
});
