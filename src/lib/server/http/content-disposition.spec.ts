import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

/** The header's parameters as a browser reads them (RFC 6266, RFC 5987). */
function parameters(header: string) {
	expect(header).not.toMatch(/[\r\n\u0000-\u001f\u007f]/);
	const [type, ...rest] = header.split(/;\s*(?=[a-z*]+=)/);
	const params = Object.fromEntries(rest.map((p) => p.split(/=(.*)/s).slice(0, 2)));
	const star = params['filename*'] as string | undefined;
	return {
		type,
		filename: (params.filename as string).replace(/^"|"$/g, ''),
		full: star && decodeURIComponent(star.replace(/^UTF-8''/, ''))
	};
}

describe('Content-Disposition', () => {
	it('names plain ASCII files as they are', () => {
		expect(contentDisposition('actions.xlsx')).toBe('attachment; filename="actions.xlsx"');
		expect(contentDisposition('passerelle.ics', 'inline')).toBe(
			'inline; filename="passerelle.ics"'
		);
	});

	it('names the download in ASCII and in full (RFC 5987)', () => {
		expect(contentDisposition("Fiche d'activité (CP).pdf")).toBe(
			`attachment; filename="Fiche d'activite (CP).pdf"; filename*=UTF-8''Fiche%20d%27activit%C3%A9%20%28CP%29.pdf`
		);
		const arabic = parameters(contentDisposition('تقرير المندوب.pdf'));
		expect(arabic).toEqual({
			type: 'attachment',
			filename: 'document.pdf',
			full: 'تقرير المندوب.pdf'
		});
	});

	it('keeps a stored hostile name from adding headers or parameters', () => {
		for (const name of [
			'rapport.pdf\r\nSet-Cookie: x=1',
			'a"; filename="evil.exe',
			'a;b,c\\d%20.pdf',
			'broken \ud800 pair.pdf',
			`${'é'.repeat(5000)}.pdf`,
			'a' + '😀'.repeat(250)
		]) {
			const header = contentDisposition(name);
			const { type, filename, full } = parameters(header);
			expect(type).toBe('attachment');
			expect(filename).not.toMatch(/["\\;]/);
			expect(header.split(';').filter((p) => /^\s*filename=/.test(p))).toHaveLength(1);
			if (full) expect(full).not.toMatch(/[\r\n]/);
			expect(header.length).toBeLessThan(3000);
		}
		expect(contentDisposition('rapport.pdf\r\nSet-Cookie: x=1')).toBe(
			'attachment; filename="rapport.pdfSet-Cookie: x=1"'
		);
	});
});
