import { describe, expect, it } from 'vitest';
import {
	inZone,
	instant,
	isClockTime,
	overlapsOf,
	parallelGroups,
	programmeWarnings,
	visitDays,
	wallClock
} from './agenda';

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

	it('converts whole sessions for the viewer, days and overnight ends included', () => {
		const s = { day: '2024-10-26', startsAt: '22:00', endsAt: '23:30' };
		expect(inZone(s, 'Europe/Paris', 'Europe/Paris')).toMatchObject({
			startsAt: '22:00',
			overnight: false
		});
		// Summer time in Paris (UTC+2) seen from Bangkok (UTC+7): the next day, past midnight.
		expect(inZone(s, 'Europe/Paris', 'Asia/Bangkok')).toEqual({
			day: '2024-10-27',
			startsAt: '03:00',
			endsAt: '04:30',
			overnight: false
		});
		expect(inZone(s, 'Europe/Paris', 'Asia/Dubai')).toEqual({
			day: '2024-10-27',
			startsAt: '00:00',
			endsAt: '01:30',
			overnight: false
		});
		expect(inZone({ ...s, startsAt: '20:30' }, 'Europe/Paris', 'Asia/Dubai')).toEqual({
			day: '2024-10-26',
			startsAt: '22:30',
			endsAt: '01:30',
			overnight: true
		});
	});

	it('finds the sessions of the same day a new one overlaps, not itself', () => {
		const day = [
			{ id: 1, day: '2024-05-06', startsAt: '09:00', endsAt: '10:00', title: 'A' },
			{ id: 2, day: '2024-05-06', startsAt: '10:00', endsAt: '11:00', title: 'B' },
			{ id: 3, day: '2024-05-07', startsAt: '09:00', endsAt: '10:00', title: 'C' }
		];
		const c = { day: '2024-05-06', startsAt: '09:30', endsAt: '10:30' };
		expect(overlapsOf(day, c).map((s) => s.id)).toEqual([1, 2]);
		expect(overlapsOf(day, { ...c, startsAt: '10:00' }, 2).map((s) => s.id)).toEqual([]);
	});

	it('groups overlapping sessions to show them side by side', () => {
		const s = (id: number, startsAt: string, endsAt: string) => ({
			id,
			day: '2024-05-06',
			startsAt,
			endsAt,
			title: String(id)
		});
		const groups = parallelGroups([
			s(1, '09:00', '10:00'),
			s(2, '10:00', '12:00'),
			s(3, '10:00', '11:00'),
			s(4, '11:30', '12:30'),
			s(5, '14:00', '15:00')
		]);
		expect(groups.map((g) => g.map((x) => x.id))).toEqual([[1], [2, 3, 4], [5]]);
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
		// The bus that brings them is no surprise.
		const travel = { ...s(4, '2024-05-07', '08:00', '09:00'), kind: 'travel' };
		expect(
			programmeWarnings([travel], visit, [{ name: 'Safiatou', arrivesAt: '2024-05-07T10:00' }])
		).not.toContainEqual(expect.objectContaining({ kind: 'late_arrival' }));
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
