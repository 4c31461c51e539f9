import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './db/test-db';
import type { DB } from './db';
import { organisations, visitOrganisations, visits } from './db/schema';
import { VISITS_PAGE_SIZE, getVisit, isInProgress, listVisits } from './visits';

let db: DB;

beforeAll(() => {
	db = createTestDb();
	const [host, guest] = db
		.insert(organisations)
		.values([
			{ name: 'Host', shortName: 'H', country: 'BF', city: 'Bobo', timeZone: 'Africa/Ouagadougou' },
			{ name: 'Guest', shortName: 'G', country: 'BJ', city: 'Dassa', timeZone: 'Africa/Porto-Novo' }
		])
		.returning()
		.all();
	// 45 visits, one a day from 1 Jan 2024; every third one is proposed.
	for (let i = 0; i < 45; i++) {
		const day = `2024-01-${String((i % 28) + 1).padStart(2, '0')}`;
		const month = String(Math.floor(i / 28) + 1).padStart(2, '0');
		const date = day.replace('-01-', `-${month}-`);
		const { id } = db
			.insert(visits)
			.values({
				title: `Visit ${i}`,
				status: i % 3 === 0 ? 'proposed' : 'completed',
				hostOrganisationId: host.id,
				proposerOrganisationId: guest.id,
				startsOn: date,
				endsOn: date,
				timeZone: 'Africa/Ouagadougou'
			})
			.returning()
			.get();
		db.insert(visitOrganisations)
			.values([
				{ visitId: id, organisationId: host.id, role: 'host', response: 'accepted' },
				{ visitId: id, organisationId: guest.id, role: 'visitor', response: 'accepted' }
			])
			.run();
	}
});

describe('listVisits', () => {
	it('pages the list newest first, with host and visitors on each row', () => {
		const first = listVisits(db);
		expect(first.total).toBe(45);
		expect(first.pages).toBe(Math.ceil(45 / VISITS_PAGE_SIZE));
		expect(first.items).toHaveLength(VISITS_PAGE_SIZE);
		expect(first.items[0].startsOn >= first.items[1].startsOn).toBe(true);
		expect(first.items[0].host?.name).toBe('Host');
		expect(first.items[0].visitors.map((v) => v.name)).toEqual(['Guest']);
		const last = listVisits(db, { page: first.pages });
		expect(last.items).toHaveLength(45 - VISITS_PAGE_SIZE * (first.pages - 1));
	});

	it('keeps page numbers in range', () => {
		expect(listVisits(db, { page: 999 }).page).toBe(3);
		expect(listVisits(db, { page: -4 }).page).toBe(1);
	});

	it('filters by status', () => {
		const proposed = listVisits(db, { status: 'proposed' });
		expect(proposed.total).toBe(15);
		expect(proposed.items.every((v) => v.status === 'proposed')).toBe(true);
		expect(listVisits(db, { status: 'cancelled' })).toMatchObject({ total: 0, items: [] });
	});

	it('answers undefined for a visit that does not exist', () => {
		expect(getVisit(db, 123456)).toBeUndefined();
	});
});

describe('isInProgress', () => {
	const visit = {
		status: 'confirmed',
		startsOn: '2024-10-28',
		endsOn: '2024-11-02',
		timeZone: 'Africa/Casablanca'
	};

	it('is true on the days of an accepted or confirmed visit, in its own time zone', () => {
		expect(isInProgress(visit, new Date('2024-10-30T12:00:00Z'))).toBe(true);
		// 23:30 UTC on 2 Nov is already 3 Nov in Casablanca (UTC+1): the visit is over there.
		expect(isInProgress(visit, new Date('2024-11-02T23:30:00Z'))).toBe(false);
		expect(isInProgress(visit, new Date('2024-10-27T22:59:00Z'))).toBe(false);
	});

	it('is never true for a visit that is not going ahead', () => {
		const when = new Date('2024-10-30T12:00:00Z');
		expect(isInProgress({ ...visit, status: 'cancelled' }, when)).toBe(false);
		expect(isInProgress({ ...visit, status: 'proposed' }, when)).toBe(false);
	});
});
