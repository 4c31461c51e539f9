// One response for every list export: the same table as CSV or as an Excel workbook.
import { contentDisposition } from '../http/content-disposition';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';
import type { ExportTable } from './table';
import type { Locale } from '$lib/enums';

export type ExportFormat = 'csv' | 'xlsx';

const TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export async function exportResponse<R>(
	table: ExportTable<R>,
	format: ExportFormat,
	locale: Locale
): Promise<Response> {
	const body =
		format === 'xlsx' ? await toXlsx(table, { rightToLeft: locale === 'ar' }) : toCsv(table);
	return new Response(body, {
		headers: {
			'Content-Type': TYPES[format],
			'Content-Disposition': contentDisposition(`${table.name}.${format}`),
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
