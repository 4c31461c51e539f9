import { describe, expect, it } from 'vitest';
import { delegateSchema, parseLocalDateTime } from './delegate';
import { fieldErrors } from './common';

const form = (over: Record<string, string> = {}) => ({
	name: 'Ama',
	function: '',
	email: '',
	userId: '',
	arrivesAt: '2024-05-05T09:30',
	departsAt: '2024-05-10T16:00',
	travel: 'booked',
	visa: 'not_needed',
	accommodation: 'booked',
	needs: '',
	...over
});

describe('delegate form', () => {
	const errors = (over: Record<string, string>) => {
		const parsed = delegateSchema.safeParse(form(over));
		return parsed.success ? {} : fieldErrors(parsed.error);
	};

	it('accepts datetime-local values, with or without seconds, and empty ones', () => {
		const parsed = delegateSchema.parse(
			form({ arrivesAt: '2024-05-05T09:30:00', departsAt: '', email: ' a@b.example.org ' })
		);
		expect([parsed.arrivesAt, parsed.departsAt, parsed.email]).toEqual([
			'2024-05-05T09:30',
			null,
			'a@b.example.org'
		]);
	});

	it('refuses impossible dates and times', () => {
		for (const v of [
			'2024-02-31T10:00',
			'2023-02-29T10:00',
			'2024-05-05T24:00',
			'2024-13-01T10:00',
			'05/05/2024 10:00',
			'x'.repeat(5000)
		]) {
			expect(parseLocalDateTime(v), v).toBeNull();
			expect(errors({ arrivesAt: v }).arrivesAt, v).toBe('invalid_datetime');
		}
		expect(parseLocalDateTime('2024-02-29T23:59')).toBe('2024-02-29T23:59');
	});

	it('gives codes for each bad field at once', () => {
		expect(
			errors({
				name: 'x'.repeat(20_000),
				email: 'not-an-email',
				travel: 'car',
				visa: 'maybe',
				accommodation: '',
				userId: '1; DROP TABLE',
				departsAt: '2024-05-04T09:00'
			})
		).toEqual({
			name: 'too_long',
			email: 'invalid_email',
			travel: 'invalid',
			visa: 'invalid',
			accommodation: 'invalid',
			userId: 'invalid',
			departsAt: 'departure_before_arrival'
		});
		expect(errors({ name: '   ' })).toEqual({ name: 'required' });
	});
});
