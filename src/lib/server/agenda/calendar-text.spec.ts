// Stored text that a form would refuse today (line breaks in a title, iCalendar lines in it) must
// still come out of a calendar as text: written straight into the database, read by ical.js.
import { beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import type { DB } from '../db';
import { agendaItems, organisations, visits } from '../db/schema';
import { addSession } from './edits';
import { visitCalendar } from './calendar';
import { createFeed, feedCalendar, feedOwner } from './feeds';
import { withLocale } from '../http/locale';

const ORIGIN = 'https://passerelle.test';
const INJECTED =
	'Bilan\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nDTSTART:20260101T000000Z\r\nSUMMARY:piège\r\nEND:VEVENT\r\nBEGIN:VEVENT';
const TITLE = `${INJECTED};, "quotes" \\ المندوب ${'long '.repeat(400)}`;
const PLACE = 'Salle 1\nLOCATION:ailleurs';
const NOTES = 'Apporter\r\nATTACH:http://evil.example/x\u0000\u0007';
const LEAD = 'KEOOGO\r\nORGANIZER:mailto:x@evil.example';

let db: DB;
let visitId = 0;
let userId = 0;

beforeEach(() => {
	db = createTestDb();
	const keoogo = addOrganisation(db, 'KEOOGO');
	userId = addUser(db, 'c@keoogo.test', { locale: 'fr', memberOf: [[keoogo, 'coordinator']] });
	visitId = addVisit(db, {
		title: 'Visite',
		status: 'confirmed',
		startsOn: '2026-03-02',
		endsOn: '2026-03-03',
		timeZone: 'Africa/Ouagadougou',
		organisations: [[keoogo, 'host']]
	});
	addSession(db, userId, visitId, {
		day: '2026-03-02',
		startsAt: '09:00',
		endsAt: '10:00',
		kind: 'observation',
		title: 'Observation',
		place: '',
		leadName: '',
		leadOrganisationId: keoogo,
		notes: ''
	});
	// Past the forms: straight into the tables.
	db.update(visits).set({ title: TITLE }).where(eq(visits.id, visitId)).run();
	db.update(organisations).set({ name: LEAD }).where(eq(organisations.id, keoogo)).run();
	db.update(agendaItems)
		.set({ title: TITLE, place: PLACE, notes: NOTES, leadName: LEAD })
		.where(eq(agendaItems.visitId, visitId))
		.run();
});

// ical.js leaves properties it does not know raw; calendar apps read these two as TEXT
// (RFC 7986 NAME, and the X-WR-CALNAME Apple and Google show).
for (const name of ['name', 'x-wr-calname']) {
	ICAL.design.icalendar.property[name] ??= { defaultType: 'text' };
}

function read(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	return { calendar, events };
}

const loose = (text: string) => text.replace(/\r\n?/g, '\n');

describe('hostile stored text in calendars', () => {
	it('stays inside its one event and its calendar name in a downloaded programme', () => {
		const visit = db.select().from(visits).where(eq(visits.id, visitId)).get()!;
		const ics = withLocale('fr', ORIGIN, () => visitCalendar(db, visit, ORIGIN));
		const { calendar, events } = read(ics);
		expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
		expect(ics).not.toMatch(/^(UID:evil|ATTACH|ORGANIZER|LOCATION:ailleurs)/m);
		expect(events).toHaveLength(1);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(loose(TITLE));
		expect(calendar.getFirstPropertyValue('name')).toBe(loose(TITLE));
		const [event] = events;
		expect(event.summary).toBe(loose(TITLE));
		expect(event.location).toBe(PLACE);
		expect(event.description).toContain(loose(TITLE));
		expect(event.description).toContain('Apporter\nATTACH:http://evil.example/x');
		expect(event.description).not.toMatch(/[\u0000\u0007]/);
		expect(event.description).toContain(loose(LEAD));
	});

	it('stays inside its one event in a private feed', () => {
		const owner = feedOwner(db, createFeed(db, userId).token)!;
		const ics = withLocale('ar', ORIGIN, () => feedCalendar(db, owner, ORIGIN));
		const { events } = read(ics);
		expect(events).toHaveLength(1);
		expect(events[0].summary).toBe(loose(TITLE));
		expect(events[0].uid).not.toBe('evil@x');
	});
});
