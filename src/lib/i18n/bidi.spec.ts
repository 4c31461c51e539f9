import { describe, expect, it } from 'vitest';
import { isolateNames } from './bidi';
import { notificationText } from './notifications';

describe('isolateNames', () => {
	it('isolates typed names and leaves codes and dates readable by the texts', () => {
		const payload = {
			organisation: 'RACINES',
			title: 'Découvrir la pédagogie',
			status: 'completed',
			startsOn: '2027-01-21',
			endsOn: '2027-01-25'
		};
		const shown = isolateNames(payload);
		expect(shown.title).toBe('\u2068Découvrir la pédagogie\u2069');
		expect(shown.organisation).toBe('\u2068RACINES\u2069');
		expect([shown.status, shown.startsOn, shown.endsOn]).toEqual([
			'completed',
			'2027-01-21',
			'2027-01-25'
		]);
		expect(payload.title).toBe('Découvrir la pédagogie');
		// notificationText isolates by itself in Arabic, and only there.
		expect(notificationText('visit_status', payload, 'ar')).toBe(
			'«\u2068Découvrir la pédagogie\u2069» الآن: منتهية'
		);
		expect(notificationText('visit_status', payload, 'fr')).not.toContain('\u2068');
	});
});
