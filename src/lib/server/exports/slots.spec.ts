import { describe, expect, it } from 'vitest';
import { EXPORTS_AT_ONCE, exportTurn } from './slots';
import { csvStream } from './csv';

describe('export turns', () => {
	it('lets a few exports run at once; the next starts when one ends or is dropped', async () => {
		const ends = await Promise.all(Array.from({ length: EXPORTS_AT_ONCE }, () => exportTurn()));
		let started = false;
		const next = exportTurn().then((end) => ((started = true), end));
		await new Promise((r) => setTimeout(r, 20));
		expect(started).toBe(false);
		ends[0]();
		ends[0]();
		const end = await next;
		expect(started).toBe(true);
		// Ending a turn twice did not free a second slot.
		let another = false;
		void exportTurn().then((e) => ((another = true), e()));
		await new Promise((r) => setTimeout(r, 20));
		expect(another).toBe(false);
		for (const e of [...ends.slice(1), end]) e();
		await new Promise((r) => setTimeout(r, 20));
		expect(another).toBe(true);
	});

	it('gives the turn back when a download is complete or cancelled', async () => {
		const table = (n: number) => ({
			name: 't',
			sheet: 't',
			columns: [{ header: 'n', cell: (r: number) => r }],
			rows: Array.from({ length: n }, (_, i) => i)
		});
		for (let i = 0; i < EXPORTS_AT_ONCE * 3; i++) {
			expect(await new Response(csvStream(table(10))).text()).toContain('9\r\n');
			const reader = csvStream(table(100_000)).getReader();
			await reader.read();
			await reader.cancel();
		}
	});
});
