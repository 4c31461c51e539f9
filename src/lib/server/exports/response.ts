// One response for every list export: the same table as CSV or as an Excel workbook, streamed as
// the client reads it (rows come from `table.rows`, which may walk keyset pages lazily).
import { contentDisposition } from '../http/content-disposition';
import { csvStream } from './csv';
import { xlsxStream } from './xlsx';
import type { ExportTable } from './table';
import type { Locale } from '$lib/enums';

export type ExportFormat = 'csv' | 'xlsx';

const TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export function exportResponse<R>(
	table: ExportTable<R>,
	format: ExportFormat,
	locale: Locale
): Response {
	const body =
		format === 'xlsx' ? xlsxStream(table, { rightToLeft: locale === 'ar' }) : csvStream(table);
	return new Response(body, {
		headers: {
			'Content-Type': TYPES[format],
			'Content-Disposition': contentDisposition(`${table.name}.${format}`),
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
