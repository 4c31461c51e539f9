import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
	it('leaves plain text alone and writes nothing for empty values', () => {
		expect(csvCell('KEOOGO')).toBe('KEOOGO');
		expect(csvCell('Djénéba Konaté')).toBe('Djénéba Konaté');
		expect(csvCell('المندوب')).toBe('المندوب');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(-3)).toBe('-3');
	});

	it('quotes separators, quotes and line breaks (RFC 4180)', () => {
		expect(csvCell('Bobo-Dioulasso, Burkina Faso')).toBe('"Bobo-Dioulasso, Burkina Faso"');
		expect(csvCell('la « cantine » "scolaire"')).toBe('"la « cantine » ""scolaire"""');
		expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
		expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
	});

	it('keeps spreadsheets from running cells as formulas', () => {
		expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
			`"'=HYPERLINK(""http://evil.example"",""x"")"`
		);
		expect(csvCell('+33 1 23')).toBe("'+33 1 23");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('a=b')).toBe('a=b');
	});
});

describe('toCsv', () => {
	it('starts with a byte-order mark and ends every line with CRLF', () => {
		const csv = toCsv([
			['name', 'note'],
			['Awa', 'végétarienne, sans arachides']
		]);
		expect(csv).toBe('\uFEFFname,note\r\nAwa,"végétarienne, sans arachides"\r\n');
	});
});
