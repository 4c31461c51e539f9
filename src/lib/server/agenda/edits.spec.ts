import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import type { DB } from '../db';
import type { SessionInput } from '$lib/schemas/agenda';
import { entityHistory } from '../audit/log';
import { listAgenda } from './programme';
import {
	addSession,
	copyDay,
	copySessions,
	moveSession,
	placeSession,
	updateSession
} from './edits';

let db: DB;
let actor = 0;
let visitId = 0;
const MON = '2027-03-01';
const TUE = '2027-03-02';

const session = (over: Partial<SessionInput>): SessionInput => ({
	day: MON,
	startsAt: '09:00',
	endsAt: '10:00',
	kind: 'workshop',
	title: 'Séance',
	place: '',
	leadName: '',
	notes: '',
	...over
});
function add(title: string, startsAt: string, endsAt: string, parallel = false, day = MON) {
	const id = addSession(db, actor, visitId, session({ title, startsAt, endsAt, day }), parallel);
	if (typeof id !== 'number') throw new Error(`refused: ${id.reason}`);
	return id;
}
const rows = () => listAgenda(db, visitId);
const dayOf = (day: string) =>
	rows()
		.filter((s) => s.day === day)
		.map((s) => `${s.title} ${s.startsAt}-${s.endsAt}`);

beforeEach(() => {
	db = createTestDb();
	const org = addOrganisation(db, 'KEOOGO');
	const host = addOrganisation(db, 'DT');
	actor = addUser(db, 'c@keoogo.test', { memberOf: [[org, 'coordinator']] });
	visitId = addVisit(db, {
		status: 'confirmed',
		startsOn: MON,
		endsOn: '2027-03-03',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[host, 'host'],
			[org, 'visitor']
		]
	});
});

describe('the reported case: « Plus tard » beside a parallel session', () => {
	it('moves the 09:00–11:00 session with its parallel partner, lengths kept, no new overlap', () => {
		const partner = add('Atelier B', '09:00', '10:00');
		const plenary = add('Plénière', '09:00', '11:00', true);
		add('Visite du jardin', '11:00', '12:00');
		// The page's « Plus tard » on the plenary (second of the day) sends it to the next block.
		expect(placeSession(db, actor, visitId, plenary, 2)).toBe('ok');
		// Before: the garden visit was laid at 09:00–10:00 over « Atelier B », marked by nobody.
		expect(dayOf(MON)).toEqual([
			'Visite du jardin 09:00-10:00',
			'Atelier B 10:00-11:00',
			'Plénière 10:00-12:00'
		]);
		expect(entityHistory(db, 'agenda_item', plenary).map((e) => e.action)).toContain('reordered');
		// « Plus tôt » on the partner brings the group back where it was.
		expect(placeSession(db, actor, visitId, partner, 0)).toBe('ok');
		expect(dayOf(MON)).toEqual([
			'Atelier B 09:00-10:00',
			'Plénière 09:00-11:00',
			'Visite du jardin 11:00-12:00'
		]);
	});
});

describe('refusals change nothing and say why', () => {
	it('refuses a move (button or drop on a day), a duplicate or a day copy onto an unmarked overlap', () => {
		const talk = add('Conférence', '09:00', '10:00');
		add('Réunion', '09:30', '10:30', false, TUE);
		const before = rows();
		const overlap = { reason: 'overlap', day: TUE, titles: ['Réunion'] };
		expect(moveSession(db, actor, visitId, talk, TUE)).toEqual(overlap);
		expect(copySessions(db, actor, visitId, [talk], TUE)).toEqual(overlap);
		// A copy on its own day lies on its original.
		expect(copySessions(db, actor, visitId, [talk], MON)).toMatchObject({ reason: 'overlap' });
		expect(copyDay(db, actor, visitId, MON, TUE)).toEqual(overlap);
		expect(moveSession(db, actor, visitId, talk, '2027-03-09')).toEqual({
			reason: 'outside',
			day: '2027-03-09'
		});
		expect(rows()).toEqual(before);
		expect(entityHistory(db, 'agenda_item', talk).map((e) => e.action)).toEqual(['created']);
	});

	it('asks the form for the parallel box on add and edit, as before', () => {
		const a = add('A', '09:00', '10:00');
		const b = add('B', '10:00', '11:00');
		expect(addSession(db, actor, visitId, session({ title: 'C', startsAt: '09:30' }))).toEqual({
			reason: 'overlap',
			day: MON,
			titles: ['A']
		});
		const version = rows().find((s) => s.id === b)!.version;
		const earlier = session({ title: 'B', startsAt: '09:30', endsAt: '11:00' });
		expect(updateSession(db, actor, visitId, b, version, earlier)).toMatchObject({
			reason: 'overlap',
			titles: ['A']
		});
		expect(updateSession(db, actor, visitId, b, version, earlier, true)).toBe('ok');
		// Copying the day keeps the pair that was marked; the copies overlap only each other.
		expect(copyDay(db, actor, visitId, MON, TUE)).toHaveLength(2);
		expect(dayOf(TUE)).toEqual(['A 09:00-10:00', 'B 09:30-11:00']);
		// Unticking the box while the overlap stays is refused again.
		expect(updateSession(db, actor, visitId, a, 1, session({ title: 'A' }))).toMatchObject({
			reason: 'overlap',
			titles: ['B']
		});
	});
});
