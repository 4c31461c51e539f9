import { describe, expect, it } from 'vitest';
import {
	betweenError,
	betweenHint,
	departureBeforeArrival,
	endDateBeforeStart,
	endTimeBeforeStart
} from './ranges';

const plain = (s: string | undefined) => s?.replace(/[\u2068\u2069]/g, '');

describe('what a field allows, in words', () => {
	it('states a range with each language’s digits and grouping (Latin digits in Arabic)', () => {
		expect(betweenHint(1, 1000, { locale: 'fr' })).toBe('Entre 1 et 1\u202f000.');
		expect(betweenHint(1, 1000, { locale: 'en' })).toBe('Between 1 and 1,000.');
		expect(betweenError(1, 1000, { locale: 'ar' })).toMatch(/1,000/);
		expect(betweenError(1, 1000, { locale: 'ar' })).not.toMatch(/[\u0660-\u0669]/);
	});

	it('says an end date before the start plainly, naming both dates', () => {
		expect(plain(endDateBeforeStart('2026-05-14', '2026-05-12', { locale: 'fr' }))).toBe(
			'La date de fin (12 mai 2026) est avant la date de début (14 mai 2026) : choisissez une fin le même jour ou après.'
		);
		expect(endDateBeforeStart('2026-05-14', 'soon', { locale: 'fr' })).toBeUndefined();
	});

	it('says an end time not after the start, the times isolated inside Arabic text', () => {
		expect(plain(endTimeBeforeStart('10:00', '09:30', { locale: 'en' }))).toBe(
			'The end time (09:30) is not after the start time (10:00).'
		);
		expect(endTimeBeforeStart('10:00', '09:30', { locale: 'ar' })).toContain('\u206809:30\u2069');
	});

	it('says a departure before the arrival with both moments', () => {
		expect(
			plain(departureBeforeArrival('2026-05-04T10:00', '2026-05-03T18:00', { locale: 'es' }))
		).toBe(
			'La salida (3 de mayo de 2026 18:00) es anterior a la llegada (4 de mayo de 2026 10:00).'
		);
		expect(departureBeforeArrival('', '2026-05-03T18:00')).toBeUndefined();
	});
});
