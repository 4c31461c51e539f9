import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { lessons } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { listAudit } from '../audit/log';
import { addPractice, editPractice, practicesOf, removePractice } from './practices';
import { organisationProfile } from './profile';

let db: DB;
let host: number;
let visitor: number;
let other: number;

beforeEach(() => {
	db = createTestDb();
	host = addOrganisation(db, 'HOST');
	visitor = addOrganisation(db, 'VISITOR');
	other = addOrganisation(db, 'OTHER');
	addUser(db, 'coord@host.example', { memberOf: [[host, 'coordinator']] });
	addUser(db, 'member@host.example', { memberOf: [[host, 'member']] });
	const visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2024-05-05',
		endsOn: '2024-05-10',
		timeZone: 'UTC',
		organisations: [
			[host, 'host', 'accepted'],
			[visitor, 'visitor', 'accepted']
		]
	});
	db.insert(lessons)
		.values([
			{ visitId, organisationId: visitor, title: 'Pour tout le réseau' },
			{ visitId, organisationId: visitor, title: 'Entre nous', visibility: 'participants' }
		])
		.run();
});

describe('organisation profile', () => {
	it('names coordinators only; their address only for those allowed to see it', () => {
		const hidden = organisationProfile(db, host, { viewer: [other], withContacts: false })!;
		expect(hidden.coordinators).toEqual([expect.objectContaining({ name: 'coord', email: null })]);
		const shown = organisationProfile(db, host, { viewer: [other], withContacts: true })!;
		expect(shown.coordinators[0].email).toBe('coord@host.example');
	});

	it('lists visits hosted and made, and lessons under their visibility', () => {
		const outsider = organisationProfile(db, host, { viewer: [other], withContacts: false })!;
		expect(outsider.hosted.total).toBe(1);
		expect(outsider.lessons.items.map((l) => l.title)).toEqual(['Pour tout le réseau']);
		const participant = organisationProfile(db, visitor, {
			viewer: [visitor],
			withContacts: false
		})!;
		expect(participant.made.total).toBe(1);
		expect(participant.lessons.total).toBe(2);
	});

	it("counts the host's lessons and those it learned once each, and says 1000+ past the cap", () => {
		// The host learns on its own hosted visit (one lesson, counted once) and on a visit it made.
		const made = addVisit(db, {
			status: 'completed',
			startsOn: '2025-03-03',
			endsOn: '2025-03-04',
			timeZone: 'UTC',
			organisations: [
				[other, 'host', 'accepted'],
				[host, 'visitor', 'accepted']
			]
		});
		const hostedVisit = db.$client.prepare('SELECT id FROM visits WHERE host_organisation_id = ?');
		const own = (hostedVisit.get(host) as { id: number }).id;
		db.insert(lessons)
			.values([
				{ visitId: own, organisationId: host, title: 'Chez nous' },
				{ visitId: made, organisationId: host, title: 'Chez eux' }
			])
			.run();
		const staff = { viewer: null, withContacts: false };
		const small = organisationProfile(db, host, staff)!.lessons;
		expect([small.total, small.more]).toEqual([4, false]);
		expect(small.items[0].title).toBe('Chez eux');

		const many = Array.from({ length: 1000 }, (_, i) => ({
			visitId: made,
			organisationId: host,
			title: `Leçon ${i}`
		}));
		db.insert(lessons).values(many).run();
		const large = organisationProfile(db, host, staff)!.lessons;
		expect([large.total, large.more]).toEqual([1000, true]);
		// Still the newest visit's lessons first, the latest written first.
		expect(large.items.map((l) => l.title)).toEqual([
			'Leçon 999',
			'Leçon 998',
			'Leçon 997',
			'Leçon 996',
			'Leçon 995'
		]);
	});

	it('a visitor of over a thousand visits: "1000+", and the newest visits first', () => {
		const client = db.$client;
		const visit = client.prepare(
			`INSERT INTO visits (title, status, host_organisation_id, proposer_organisation_id,
			 starts_on, ends_on, time_zone) VALUES (?, 'completed', ?, ?, ?, ?, 'UTC')`
		);
		const party = client.prepare(
			`INSERT INTO visit_organisations (visit_id, organisation_id, role, response)
			 VALUES (?, ?, ?, 'accepted')`
		);
		client.transaction(() => {
			for (let i = 0; i < 1001; i++) {
				const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
				const id = Number(visit.run(`Visite ${i}`, other, visitor, day, day).lastInsertRowid);
				party.run(id, other, 'host');
				party.run(id, visitor, 'visitor');
			}
		})();
		const made = organisationProfile(db, visitor, { viewer: null, withContacts: false })!.made;
		expect([made.total, made.more]).toEqual([1000, true]);
		expect(made.items.slice(0, 3).map((v) => v.title)).toEqual([
			'Visite 1000',
			'Visite 999',
			'Visite 998'
		]);
	});

	it('answers nothing for an organisation that does not exist', () => {
		expect(organisationProfile(db, 999, { viewer: null, withContacts: false })).toBeUndefined();
	});
});

describe('practices on a profile', () => {
	it('adds, edits and removes an entry, each change audited', () => {
		const added = addPractice(db, 1, host, {
			kind: 'share',
			title: 'Bibliothèque mobile',
			description: '',
			themeIds: [1, 9999]
		});
		expect(added.ok).toBe(true);
		const id = added.ok ? added.id : 0;
		expect(practicesOf(db, host, 'share')[0].themes.map((t) => t.id)).toEqual([1]);
		editPractice(db, 1, id, { kind: 'share', title: 'Bibliobus', description: 'x', themeIds: [] });
		expect(practicesOf(db, host)).toMatchObject([{ title: 'Bibliobus', themes: [] }]);
		expect(removePractice(db, 1, id)).toBe(true);
		expect(practicesOf(db, host)).toEqual([]);
		const actions = listAudit(db, { entity: 'practice' }).events.map((e) => e.action);
		expect(actions.sort()).toEqual(['created', 'deleted', 'updated']);
	});
});
