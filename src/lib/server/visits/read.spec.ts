import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { organisations, visitOrganisations, visits } from '../db/schema';
import { readCursor } from '../db/keyset';
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
		expect(first.items).toHaveLength(VISITS_PAGE_SIZE);
		expect(first.previous).toBeNull();
		expect(first.items[0].startsOn >= first.items[1].startsOn).toBe(true);
		expect(first.items[0].host?.name).toBe('Host');
		expect(first.items[0].visitors.map((v) => v.name)).toEqual(['Guest']);
	});

	/** Follows "next" to the end, then "previous" back to the start, as a reader would. */
	function walk(filter: Parameters<typeof listVisits>[1]) {
		const pages = [listVisits(db, filter)];
		while (pages.at(-1)!.next)
			pages.push(listVisits(db, { ...filter, after: readCursor(pages.at(-1)!.next) }));
		const back = [pages.at(-1)!];
		while (back[0].previous)
			back.unshift(listVisits(db, { ...filter, before: readCursor(back[0].previous) }));
		const ids = (list: typeof pages) => list.map((p) => p.items.map((v) => v.id));
		return { forward: ids(pages), backward: ids(back) };
	}

	it('walks every visit once by next and previous links, for staff, a member and a filter', () => {
		// Five visits on one day: the tie is broken by id, none is lost or shown twice.
		const tied = [1, 2, 3, 4, 5].map(
			(i) =>
				db
					.insert(visits)
					.values({
						title: `Same day ${i}`,
						status: i === 3 ? 'draft' : 'completed',
						hostOrganisationId: hostId,
						proposerOrganisationId: guestId,
						startsOn: '2024-01-20',
						endsOn: '2024-01-20',
						timeZone: 'UTC'
					})
					.returning()
					.get().id
		);
		for (const filter of [
			all,
			{ ...all, sort: 'oldest' as const },
			{ viewerOrganisations: [hostId] },
			{ viewerOrganisations: [hostId], status: 'completed' as const }
		]) {
			const everything = db
				.select({ id: visits.id, startsOn: visits.startsOn, status: visits.status })
				.from(visits)
				.all()
				.filter((v) => filter.viewerOrganisations === null || v.status !== 'draft')
				.filter((v) => !('status' in filter) || v.status === filter.status)
				.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id)
				.map((v) => v.id);
			const expected = 'sort' in filter ? everything : everything.reverse();
			const { forward, backward } = walk(filter);
			expect(forward.flat()).toEqual(expected);
			expect(backward).toEqual(forward);
		}
		db.delete(visits).where(inArray(visits.id, tied)).run();
	});

	it('answers a link past the end with the last page', () => {
		const page = listVisits(db, { ...all, after: { key: '1999-01-01', id: 1 } });
		expect(page.items.map((v) => v.startsOn).at(-1)).toBe('2024-01-01');
		expect(page.next).toBeNull();
		expect(page.previous).not.toBeNull();
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
