// At most a few exports are written at once; the others wait their turn before reading a row.
// Each export in progress holds pages of rows and, for a workbook, exceljs's and the zip's
// buffers: 50 workbooks written at once exhausted a 160 MB heap (bench/RESULTS.md). Waiting costs
// nothing but time, and the machine's cores were the limit anyway.
export const EXPORTS_AT_ONCE = 4;

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for a turn; the function it gives back ends the turn (calling it again does nothing). */
export async function exportTurn(): Promise<() => void> {
	if (running < EXPORTS_AT_ONCE) running++;
	else await new Promise<void>((resolve) => waiting.push(resolve));
	let ended = false;
	return () => {
		if (ended) return;
		ended = true;
		const next = waiting.shift();
		// The turn passes to the next in line, or the slot is freed.
		if (next) next();
		else running--;
	};
}
