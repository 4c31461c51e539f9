import { describe, expect, it } from 'vitest';
import { instant, isClockTime, programmeWarnings, visitDays, wallClock } from './agenda';

describe('times in the visit’s zone', () => {
	it('turns 09:00 in Ouagadougou (UTC+0) and in Paris across the end of summer time into instants', () => {
		expect(instant('2024-05-06', '09:00', 'Africa/Ouagadougou').toISOString()).toBe(
			'2024-05-06T09:00:00.000Z'
		);
		// Europe/Paris leaves summer time on 27 October 2024 at 03:00 (back to 02:00).
		expect(instant('2024-10-26', '09:00', 'Europe/Paris').toISOString()).toBe(
			'2024-10-26T07:00:00.000Z'
		);
		expect(instant('2024-10-28', '09:00', 'Europe/Paris').toISOString()).toBe(
			'2024-10-28T08:00:00.000Z'
		);
		expect(instant('2024-10-28', '24:00', 'Europe/Paris').toISOString()).toBe(
			'2024-10-28T23:00:00.000Z'
		);
	});

	it('shows the same instant to a viewer in another zone', () => {
		const at = instant('2024-05-06', '09:00', 'Africa/Ouagadougou');
		expect(wallClock(at, 'America/Lima')).toEqual({ day: '2024-05-06', time: '04:00' });
		expect(wallClock(at, 'Pacific/Auckland')).toEqual({ day: '2024-05-06', time: '21:00' });
	});

	it('accepts real clock times only', () => {
		expect(['09:30', '00:00', '23:59'].every((t) => isClockTime(t))).toBe(true);
		expect(['25:00', '9:30', '12:60', '24:00', ''].some((t) => isClockTime(t))).toBe(false);
		expect(isClockTime('24:00', true)).toBe(true);
	});
});

describe('programme warnings', () => {
	const visit = { startsOn: '2024-05-05', endsOn: '2024-05-07' };
	const s = (id: number, day: string, startsAt: string, endsAt: string) => ({
		id,
		day,
		startsAt,
		endsAt,
		title: `S${id}`
	});

	it('names overlaps, sessions outside the visit, empty days and late arrivals', () => {
		const sessions = [
			s(1, '2024-05-05', '09:00', '11:00'),
			s(2, '2024-05-05', '10:30', '12:00'),
			s(3, '2024-05-05', '12:00', '13:00'),
			s(4, '2024-05-07', '08:00', '09:00'),
			s(5, '2024-05-09', '08:00', '09:00')
		];
		const warnings = programmeWarnings(sessions, visit, [
			{ name: 'Safiatou', arrivesAt: '2024-05-07T10:00' },
			{ name: 'Awa', arrivesAt: '2024-05-04T18:00' },
			{ name: 'Natacha', arrivesAt: null }
		]);
		expect(warnings).toEqual([
			{ kind: 'outside', day: '2024-05-09', id: 5 },
			{ kind: 'overlap', day: '2024-05-05', ids: [1, 2] },
			{ kind: 'empty_day', day: '2024-05-06' },
			{ kind: 'late_arrival', delegate: 'Safiatou', id: 4 }
		]);
	});

	it('lists every day of the visit, across a month end', () => {
		expect(visitDays('2024-10-30', '2024-11-02')).toEqual([
			'2024-10-30',
			'2024-10-31',
			'2024-11-01',
			'2024-11-02'
		]);
	});
});
