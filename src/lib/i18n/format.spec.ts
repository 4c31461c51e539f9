import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatDateRange, languageName } from './format';

describe('date formatting', () => {
	it('writes a range the way each language does, the same on every call', () => {
		for (let i = 0; i < 3; i++) {
			expect(formatDateRange('2024-05-05', '2024-05-10', 'fr')).toBe('5–10 mai 2024');
			expect(formatDateRange('2024-10-28', '2024-11-02', 'en')).toMatch(
				/^28 October\s–\s2 November 2024$/
			);
		}
		expect(formatDateRange('2024-05-05', '2024-05-10', 'es')).toMatch(/5.*10 de mayo de 2024/);
	});

	it('keeps calendar days whatever the zone and the locale asked', () => {
		expect(formatDate('2024-12-31', 'fr')).toBe('31 décembre 2024');
		expect(formatDate('2024-12-31', 'en')).toBe('31 December 2024');
		expect(formatDate('2024-12-31', 'ar')).toContain('2024');
		expect(formatDate('2024-12-31', 'fr')).toBe('31 décembre 2024');
	});

	it('names languages in the reader’s language', () => {
		expect(languageName('ar', 'fr')).toBe('arabe');
		expect(languageName('fr', 'en')).toBe('French');
	});

	it('names countries in the reader’s language, and keeps a code Intl does not know', () => {
		expect(countryName('BF', 'fr')).toBe('Burkina Faso');
		expect(countryName('MA', 'es')).toBe('Marruecos');
		expect(countryName('not a code', 'fr')).toBe('not a code');
	});
});
