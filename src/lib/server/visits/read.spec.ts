import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { organisations, visitOrganisations, visits } from '../db/schema';
import { VISITS_PAGE_SIZE, getVisit, isInProgress, listVisits } from './read';

let db: DB;
const all = { viewerOrganisations: null };
let hostId = 0;
let guestId = 0;

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
	hostId = host.id;
	guestId = guest.id;
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
		const first = listVisits(db, all);
		expect(first.total).toBe(45);
		expect(first.pages).toBe(Math.ceil(45 / VISITS_PAGE_SIZE));
		expect(first.items).toHaveLength(VISITS_PAGE_SIZE);
		expect(first.items[0].startsOn >= first.items[1].startsOn).toBe(true);
		expect(first.items[0].host?.name).toBe('Host');
		expect(first.items[0].visitors.map((v) => v.name)).toEqual(['Guest']);
		const last = listVisits(db, { ...all, page: first.pages });
		expect(last.items).toHaveLength(45 - VISITS_PAGE_SIZE * (first.pages - 1));
	});

	it('keeps page numbers in range', () => {
		expect(listVisits(db, { ...all, page: 999 }).page).toBe(3);
		expect(listVisits(db, { ...all, page: -4 }).page).toBe(1);
	});

	it('filters by status', () => {
		const proposed = listVisits(db, { ...all, status: 'proposed' });
		expect(proposed.total).toBe(15);
		expect(proposed.items.every((v) => v.status === 'proposed')).toBe(true);
		expect(listVisits(db, { ...all, status: 'cancelled' })).toMatchObject({ total: 0, items: [] });
	});

	it('filters by theme-free criteria: organisation, host country, year, and sorts oldest first', () => {
		expect(listVisits(db, { ...all, organisationId: guestId }).total).toBe(45);
		expect(listVisits(db, { ...all, organisationIds: [guestId] }).total).toBe(45);
		expect(listVisits(db, { ...all, organisationIds: [] }).total).toBe(0);
		expect(listVisits(db, { ...all, country: 'BF' }).total).toBe(45);
		expect(listVisits(db, { ...all, country: 'BJ' }).total).toBe(0);
		expect(listVisits(db, { ...all, year: 2023 }).total).toBe(0);
		expect(listVisits(db, { ...all, mine: [] }).total).toBe(0);
		expect(listVisits(db, { ...all, mine: [guestId] }).total).toBe(45);
		expect(listVisits(db, { ...all, sort: 'oldest' }).items[0].startsOn).toBe('2024-01-01');
	});

	it('shows a draft only to its proposer and staff', () => {
		const { id } = db
			.insert(visits)
			.values({
				title: 'Brouillon',
				status: 'draft',
				hostOrganisationId: hostId,
				proposerOrganisationId: guestId,
				startsOn: '2025-01-01',
				endsOn: '2025-01-02',
				timeZone: 'UTC'
			})
			.returning()
			.get();
		const seen = (viewer: number[] | null) =>
			listVisits(db, { viewerOrganisations: viewer, status: 'draft' }).items.map((v) => v.id);
		expect(seen(null)).toEqual([id]);
		expect(seen([guestId])).toEqual([id]);
		expect(seen([hostId])).toEqual([]);
		db.delete(visits).where(eq(visits.id, id)).run();
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
