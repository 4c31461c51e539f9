import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { memberships, organisations, users } from '../db/schema';
import { createVisit } from '../visits/workflow';
import {
	checkSession,
	deleteSession,
	getSession,
	listAgenda,
	programmeContacts
} from './programme';
import {
	addSession as addOrFull,
	copySessions,
	moveSession,
	placeSession,
	updateSession
} from './edits';
import { entityHistory } from '../audit/log';
import { sessionSchema, type SessionInput } from '$lib/schemas/agenda';
import { MAX_SESSIONS_PER_DAY } from '$lib/agenda';

/** addSession on a day with room: its id. */
function addSession(...args: Parameters<typeof addOrFull>) {
	const id = addOrFull(...args);
	if (typeof id !== 'number') throw new Error(`refused: ${id.reason}`);
	return id;
}

let db: DB;
let visitId = 0;
let keoogo = 0;
let other = 0;
const base: SessionInput = {
	day: '2024-05-06',
	startsAt: '08:00',
	endsAt: '10:00',
	kind: 'observation',
	title: 'Observation en classe de grande section',
	place: 'École du Dispensaire Trottoir',
	leadName: '',
	notes: ''
};

beforeEach(() => {
	db = createTestDb();
	db.insert(users).values({ email: 'c@k.example.org', name: 'C', passwordHash: 'x' }).run();
	[keoogo, , other] = db
		.insert(organisations)
		.values(
			['KEOOGO', 'DT', 'RACINES'].map((n) => ({
				name: n,
				shortName: n,
				country: 'BF',
				city: 'X',
				timeZone: 'Africa/Ouagadougou'
			}))
		)
		.returning()
		.all()
		.map((o) => o.id);
	const created = createVisit(
		db,
		{ actorId: 1, origin: 'https://p.test' },
		{ kind: 'exchange', proposerId: keoogo, hostId: keoogo + 1, visitorIds: [keoogo] },
		{
			title: 'Visite',
			objectives: '',
			startsOn: '2024-05-05',
			endsOn: '2024-05-10',
			timeZone: 'Africa/Ouagadougou',
			place: '',
			languages: [],
			themeIds: []
		},
		true,
		{ confirmed: true }
	);
	if (!created.ok) throw new Error('not created');
	visitId = created.id;
});

describe('the session form', () => {
	it('refuses 25:00, an end before the start and an impossible day, keeping codes per field', () => {
		const bad = sessionSchema.safeParse({
			...base,
			startsAt: '25:00',
			endsAt: '09:00',
			day: '2024-02-30'
		});
		const codes = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
		expect(codes).toMatchObject({ startsAt: 'invalid_time', day: 'invalid_date' });
		const order = sessionSchema.safeParse({ ...base, startsAt: '10:00', endsAt: '09:00' });
		expect(order.error?.issues[0]).toMatchObject({ path: ['endsAt'], message: 'end_before_start' });
		expect(sessionSchema.safeParse({ ...base, endsAt: '24:00' }).success).toBe(true);
	});

	it('accepts only an organisation taking part as the lead', () => {
		expect(checkSession(db, visitId, { ...base, leadOrganisationId: keoogo })).toEqual({});
		expect(checkSession(db, visitId, { ...base, leadOrganisationId: other })).toEqual({
			leadOrganisationId: 'invalid'
		});
	});
});

describe('editing a programme', () => {
	it('adds, lists in order, edits with a version and refuses a stale save', () => {
		const late = addSession(db, 1, visitId, {
			...base,
			startsAt: '14:00',
			endsAt: '15:00',
			kind: 'debrief',
			title: 'Débriefing'
		});
		const early = addSession(db, 1, visitId, base);
		expect(listAgenda(db, visitId).map((s) => s.id)).toEqual([early, late]);
		expect(updateSession(db, 1, visitId, early, 1, { ...base, place: 'Salle 2' })).toBe('ok');
		expect(updateSession(db, 1, visitId, early, 1, { ...base, place: 'Salle 3' })).toBe('stale');
		expect(getSession(db, visitId, early)).toMatchObject({ place: 'Salle 2', version: 2 });
		expect(updateSession(db, 1, visitId + 1, early, 2, base)).toBe('not_found');
	});

	it('moves a session to another day keeping its UID, copies a day with new UIDs, deletes', () => {
		const a = addSession(db, 1, visitId, base);
		const b = addSession(db, 1, visitId, { ...base, startsAt: '10:30', endsAt: '12:00' });
		const uid = getSession(db, visitId, a)!.uid;
		expect(moveSession(db, 1, visitId, a, '2024-05-07')).toBe('ok');
		expect(getSession(db, visitId, a)).toMatchObject({ day: '2024-05-07', uid, version: 2 });
		const copies = copySessions(db, 1, visitId, [a, b], '2024-05-08');
		expect(copies).toHaveLength(2);
		const copied = listAgenda(db, visitId).filter((s) => s.day === '2024-05-08');
		expect(copied.map((s) => s.startsAt)).toEqual(['08:00', '10:30']);
		expect(copied.map((s) => s.uid)).not.toContain(uid);
		expect(deleteSession(db, 1, visitId, b)).toBe(true);
		expect(deleteSession(db, 1, visitId, b)).toBe(false);
		expect(entityHistory(db, 'agenda_item', b).map((e) => e.action)).toEqual([
			'created',
			'deleted'
		]);
	});

	it('reorders a day: sessions swap slots, keep their length, and parallel ones stay parallel', () => {
		const at = (startsAt: string, endsAt: string, title: string) =>
			addSession(db, 1, visitId, { ...base, day: '2024-05-09', startsAt, endsAt, title });
		const a = at('08:00', '09:00', 'A');
		const b = at('09:30', '11:30', 'B');
		const c = at('14:00', '15:00', 'C');
		const day = () =>
			listAgenda(db, visitId)
				.filter((s) => s.day === '2024-05-09')
				.map((s) => `${s.title} ${s.startsAt}-${s.endsAt}`);
		expect(placeSession(db, 1, visitId, b, 0)).toBe('ok');
		expect(day()).toEqual(['B 08:00-10:00', 'A 10:30-11:30', 'C 14:00-15:00']);
		expect(getSession(db, visitId, b)!.version).toBe(2);
		expect(getSession(db, visitId, c)!.version).toBe(1);
		// Dropped last: the gaps stay in place and the day still ends when it ended.
		expect(placeSession(db, 1, visitId, b, 2)).toBe('ok');
		expect(day()).toEqual(['A 08:00-09:00', 'C 09:30-10:30', 'B 13:00-15:00']);
		expect(placeSession(db, 1, visitId, 9999, 0)).toBe('not_found');
	});

	it('moves a parallel group as one block: lengths, partners and gaps kept', () => {
		const at = (startsAt: string, endsAt: string, title: string, parallel = false) =>
			addSession(db, 1, visitId, { ...base, day: '2024-05-10', startsAt, endsAt, title }, parallel);
		const p1 = at('09:00', '12:00', 'P1');
		const p2 = at('09:00', '10:00', 'P2', true);
		const c = at('12:30', '13:00', 'C');
		const day = () =>
			listAgenda(db, visitId)
				.filter((s) => s.day === '2024-05-10')
				.map((s) => `${s.title} ${s.startsAt}-${s.endsAt}`);
		// Inside its own group a session has nowhere to go: nothing changes.
		expect(placeSession(db, 1, visitId, p2, 0)).toBe('ok');
		expect(day()).toEqual(['P1 09:00-12:00', 'P2 09:00-10:00', 'C 12:30-13:00']);
		expect(placeSession(db, 1, visitId, p2, 2)).toBe('ok');
		expect(day()).toEqual(['C 09:00-09:30', 'P1 10:00-13:00', 'P2 10:00-11:00']);
		expect(placeSession(db, 1, visitId, c, 2)).toBe('ok');
		expect(day()).toEqual(['P1 09:00-12:00', 'P2 09:00-10:00', 'C 12:30-13:00']);
		expect(getSession(db, visitId, p1)!.version).toBe(3);
	});
});

describe('the day cap', () => {
	it('refuses a session or a copy past the day cap, writing nothing', () => {
		const day = '2024-05-09';
		const ids = Array.from({ length: MAX_SESSIONS_PER_DAY }, (_, i) =>
			addSession(db, 1, visitId, { ...base, day, title: `Séance ${i}` }, true)
		);
		const full = { reason: 'full', day };
		expect(addOrFull(db, 1, visitId, { ...base, day, title: 'Une de trop' }, true)).toEqual(full);
		expect(copySessions(db, 1, visitId, ids.slice(0, 1), day)).toEqual(full);
		expect(copySessions(db, 1, visitId, ids, '2024-05-08')).toHaveLength(MAX_SESSIONS_PER_DAY);
		expect(copySessions(db, 1, visitId, ids.slice(0, 1), '2024-05-08')).toMatchObject({
			reason: 'full'
		});
		expect(listAgenda(db, visitId).filter((s) => s.day === day)).toHaveLength(MAX_SESSIONS_PER_DAY);
	});
});

describe('the contact on a printed programme', () => {
	it("names the host's active coordinators, else the proposer's", () => {
		const people = (rows: [string, number, 'coordinator' | 'member', boolean][]) => {
			for (const [name, organisationId, role, disabled] of rows) {
				const { id } = db
					.insert(users)
					.values({ email: `${name}@x.example.org`, name, passwordHash: 'x', disabled })
					.returning()
					.get();
				db.insert(memberships).values({ userId: id, organisationId, role }).run();
			}
		};
		const host = { organisationId: keoogo + 1, name: 'DT' };
		const proposer = { organisationId: keoogo, name: 'KEOOGO' };
		people([
			['Zoé', keoogo, 'coordinator', false],
			['Membre', keoogo + 1, 'member', false],
			['Ancien', keoogo + 1, 'coordinator', true]
		]);
		expect(programmeContacts(db, { host, proposer })).toEqual({
			organisation: 'KEOOGO',
			people: [{ name: 'Zoé', email: 'Zoé@x.example.org' }]
		});
		people([
			['Issa', keoogo + 1, 'coordinator', false],
			['Agathe', keoogo + 1, 'coordinator', false]
		]);
		expect(programmeContacts(db, { host, proposer })?.people.map((p) => p.name)).toEqual([
			'Agathe',
			'Issa'
		]);
		expect(programmeContacts(db, { host: undefined, proposer: undefined })).toBeUndefined();
	});
});
