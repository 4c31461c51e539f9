import { beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import type { DB } from '../db';
import { organisations, users } from '../db/schema';
import { deleteSession, listAgenda } from './programme';
import { addSession, moveSession, updateSession } from './edits';
import { UID_SUFFIX, calendarFileName, visitCalendar } from './calendar';
import { createFeed, feedCalendar, feedOwner, listFeeds, revokeFeed } from './feeds';
import { entityHistory } from '../audit/log';
import { withLocale } from '../http/locale';
import type { SessionInput } from '$lib/schemas/agenda';

const ORIGIN = 'https://passerelle.test';
let db: DB;
let keoogo = 0;
let dt = 0;
let racines = 0;
let partage = 0;
let coordinator = 0;
let paris = 0;

const session = (over: Partial<SessionInput>): SessionInput => ({
	day: '2026-10-24',
	startsAt: '09:00',
	endsAt: '10:00',
	kind: 'observation',
	title: 'Observation',
	place: '',
	leadName: '',
	notes: '',
	...over
});

/** The events a calendar app would read: parsed by ical.js, not by our own code. */
function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const events = calendar.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		return {
			uid: e.uid,
			sequence: e.sequence,
			start: e.startDate.toJSDate().toISOString(),
			end: e.endDate.toJSDate().toISOString(),
			utc: e.startDate.zone?.tzid === 'UTC' && e.endDate.zone?.tzid === 'UTC',
			summary: e.summary,
			location: e.location,
			description: e.description,
			url: String(v.getFirstPropertyValue('url')),
			status: String(v.getFirstPropertyValue('status'))
		};
	});
	return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

const visitIdsOf = (ics: string) =>
	[...new Set(parse(ics).events.map((e) => Number(e.url.match(/visits\/(\d+)\//)![1])))].sort();

beforeEach(() => {
	db = createTestDb();
	keoogo = addOrganisation(db, 'KEOOGO');
	dt = addOrganisation(db, 'DT');
	racines = addOrganisation(db, 'RACINES', 'Africa/Porto-Novo');
	partage = addOrganisation(db, 'PARTAGE', 'Europe/Paris');
	coordinator = addUser(db, 'c@keoogo.test', { locale: 'en', memberOf: [[keoogo, 'coordinator']] });
	// Clocks go back in Paris in the night of Saturday 24 to Sunday 25 October 2026.
	paris = addVisit(db, {
		title: 'Visite à Compiègne',
		status: 'confirmed',
		startsOn: '2026-10-24',
		endsOn: '2026-10-26',
		timeZone: 'Europe/Paris',
		organisations: [
			[partage, 'host'],
			[keoogo, 'visitor']
		]
	});
	addSession(
		db,
		coordinator,
		paris,
		session({ title: 'Avant', place: 'Salle A', notes: 'Apporter les fiches' })
	);
	addSession(
		db,
		coordinator,
		paris,
		session({
			day: '2026-10-26',
			title: 'Après',
			kind: 'workshop',
			leadOrganisationId: partage,
			leadName: 'Awa'
		})
	);
	addSession(
		db,
		coordinator,
		paris,
		session({ day: '2026-10-25', startsAt: '14:00', endsAt: '24:00', title: 'Jusqu’à minuit' })
	);
});

describe('a visit’s programme as iCalendar', () => {
	it('has every session once, with its UID, in UTC across the change of clocks', () => {
		const visit = {
			id: paris,
			title: 'Visite à Compiègne',
			timeZone: 'Europe/Paris',
			status: 'confirmed' as const
		};
		const { name, events } = parse(
			withLocale('en', ORIGIN, () => visitCalendar(db, visit, ORIGIN))
		);
		expect(name).toBe('Visite à Compiègne');
		const uids = listAgenda(db, paris).map((s) => s.uid + UID_SUFFIX);
		expect(events.map((e) => e.uid).sort()).toEqual([...uids].sort());
		const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
		expect(byTitle['Avant']).toMatchObject({
			start: '2026-10-24T07:00:00.000Z',
			end: '2026-10-24T08:00:00.000Z',
			utc: true,
			sequence: 1,
			location: 'Salle A',
			url: `${ORIGIN}/visits/${paris}/agenda`,
			status: 'CONFIRMED'
		});
		expect(byTitle['Après']).toMatchObject({ start: '2026-10-26T08:00:00.000Z', utc: true });
		expect(byTitle['Jusqu’à minuit'].end).toBe('2026-10-25T23:00:00.000Z');
		expect(byTitle['Avant'].description).toContain('Apporter les fiches');
		expect(byTitle['Avant'].description).toContain('09:00–10:00, local time (Europe/Paris)');
		expect(byTitle['Après'].description).toContain('Workshop');
		expect(byTitle['Après'].description).toContain('Led by: PARTAGE — Awa');
	});

	it('keeps the UID and raises SEQUENCE when a session is edited or moved', () => {
		const visit = { id: paris, title: 'V', timeZone: 'Europe/Paris', status: 'confirmed' as const };
		const first = listAgenda(db, paris).find((s) => s.title === 'Avant')!;
		const read = () =>
			parse(visitCalendar(db, visit, ORIGIN)).events.find((e) => e.uid === first.uid + UID_SUFFIX)!;
		expect(read().sequence).toBe(1);
		const edited = session({
			title: 'Avant',
			place: 'Salle A',
			startsAt: '10:00',
			endsAt: '11:00'
		});
		expect(updateSession(db, coordinator, paris, first.id, first.version, edited)).toBe('ok');
		expect(read()).toMatchObject({ sequence: 2, start: '2026-10-24T08:00:00.000Z' });
		expect(moveSession(db, coordinator, paris, first.id, '2026-10-26')).toBe('ok');
		expect(read()).toMatchObject({
			sequence: 3,
			start: '2026-10-26T09:00:00.000Z',
			summary: 'Avant'
		});
		expect(parse(visitCalendar(db, visit, ORIGIN)).events).toHaveLength(3);
	});

	it('follows every change it shows, though a document is kept between requests', () => {
		const visit = { id: paris, title: 'V', timeZone: 'Europe/Paris', status: 'confirmed' as const };
		const titles = () =>
			parse(visitCalendar(db, visit, ORIGIN))
				.events.map((e) => e.summary)
				.sort();
		expect(titles()).toEqual(['Après', 'Avant', 'Jusqu’à minuit']);
		expect(visitCalendar(db, visit, ORIGIN)).toBe(visitCalendar(db, visit, ORIGIN));
		const gone = listAgenda(db, paris).find((s) => s.title === 'Avant')!;
		expect(deleteSession(db, coordinator, paris, gone.id)).toBeTruthy();
		expect(titles()).toEqual(['Après', 'Jusqu’à minuit']);
		addSession(
			db,
			coordinator,
			paris,
			session({ title: 'Nouvelle', startsAt: '14:00', endsAt: '15:00' })
		);
		expect(titles()).toEqual(['Après', 'Jusqu’à minuit', 'Nouvelle']);
		const led = () =>
			parse(visitCalendar(db, visit, ORIGIN)).events.find((e) => e.summary === 'Après')!
				.description;
		expect(led()).toContain('PARTAGE');
		db.update(organisations)
			.set({ name: 'PARTAGE International' })
			.where(eq(organisations.id, partage))
			.run();
		expect(led()).toContain('PARTAGE International');
		expect(withLocale('fr', ORIGIN, () => led())).toContain('Atelier');
		expect(withLocale('en', ORIGIN, () => led())).toContain('Workshop');
		// The title and status come with the visit: a renamed or cancelled visit is a new document.
		const renamed = parse(visitCalendar(db, { ...visit, title: 'W', status: 'cancelled' }, ORIGIN));
		expect(renamed.events.every((e) => e.status === 'CANCELLED')).toBe(true);
	});

	it('marks the events of a cancelled visit as cancelled', () => {
		const visit = { id: paris, title: 'V', timeZone: 'Europe/Paris', status: 'cancelled' as const };
		const { events } = parse(visitCalendar(db, visit, ORIGIN));
		expect(events.every((e) => e.status === 'CANCELLED')).toBe(true);
	});

	it('names the file in plain ASCII', () => {
		expect(calendarFileName({ id: 7, title: 'Visite à Compiègne : "cantines"' })).toBe(
			'programme-7-visite-a-compiegne-cantines.ics'
		);
		expect(calendarFileName({ id: 8, title: 'زيارة' })).toBe('programme-8.ics');
	});
});

describe('private calendar feeds', () => {
	function feedFor(userId: number) {
		const { token } = createFeed(db, userId);
		const owner = feedOwner(db, token)!;
		return { token, ics: withLocale('fr', ORIGIN, () => feedCalendar(db, owner, ORIGIN)) };
	}
	const visitWith = (
		title: string,
		status: 'draft' | 'proposed' | 'cancelled' | 'declined' | 'confirmed',
		orgs: Parameters<typeof addVisit>[1]['organisations']
	) => {
		const id = addVisit(db, {
			title,
			status,
			startsOn: '2026-03-02',
			endsOn: '2026-03-03',
			timeZone: 'Africa/Ouagadougou',
			organisations: orgs
		});
		addSession(db, coordinator, id, session({ day: '2026-03-02', title }));
		return id;
	};

	it('holds the sent, going-ahead visits of the user’s organisations, and no others', () => {
		const proposed = visitWith('proposée', 'proposed', [
			[dt, 'host', 'invited'],
			[keoogo, 'visitor']
		]);
		visitWith('brouillon', 'draft', [
			[dt, 'host', 'invited'],
			[keoogo, 'visitor']
		]);
		visitWith('annulée', 'cancelled', [
			[dt, 'host'],
			[keoogo, 'visitor']
		]);
		visitWith('refusée', 'declined', [
			[dt, 'host', 'declined'],
			[keoogo, 'visitor']
		]);
		visitWith('déclinée par KEOOGO', 'confirmed', [
			[racines, 'host'],
			[dt, 'visitor'],
			[keoogo, 'visitor', 'declined']
		]);
		visitWith('des autres', 'confirmed', [
			[racines, 'host'],
			[dt, 'visitor']
		]);
		const { ics } = feedFor(coordinator);
		expect(visitIdsOf(ics)).toEqual([paris, proposed].sort());
		expect(parse(ics).name).toBe('Passerelle');
		expect(parse(ics).events).toHaveLength(4);
		expect(ics).toContain('REFRESH-INTERVAL');
	});

	it('gives staff their own organisations’ visits, not the whole network', () => {
		visitWith('des autres', 'confirmed', [
			[racines, 'host'],
			[dt, 'visitor']
		]);
		const staff = addUser(db, 's@partage.test', { memberOf: [[partage, 'member']] });
		db.update(users).set({ globalRole: 'staff' }).where(eq(users.id, staff)).run();
		expect(visitIdsOf(feedFor(staff).ics)).toEqual([paris]);
		const alone = addUser(db, 'alone@x.test');
		expect(parse(feedFor(alone).ics).events).toEqual([]);
	});

	it('follows the programme: a change shows at the next fetch with a higher SEQUENCE', () => {
		const { token } = createFeed(db, coordinator);
		const fetch = () => parse(feedCalendar(db, feedOwner(db, token)!, ORIGIN)).events;
		const before = fetch().find((e) => e.summary === 'Avant')!;
		const item = listAgenda(db, paris).find((s) => s.title === 'Avant')!;
		moveSession(db, coordinator, paris, item.id, '2026-10-25');
		expect(fetch().find((e) => e.uid === before.uid)).toMatchObject({
			sequence: before.sequence + 1,
			start: '2026-10-25T08:00:00.000Z'
		});
	});

	it('ends with revocation, a disabled account or a wrong token, and audits the feed', () => {
		const first = createFeed(db, coordinator);
		const second = createFeed(db, coordinator);
		expect(first.token).toMatch(/^[a-z2-7]{64}$/);
		expect(listFeeds(db, coordinator).map((f) => f.id)).toEqual([second.id, first.id]);
		const other = addUser(db, 'o@dt.test', { memberOf: [[dt, 'coordinator']] });
		expect(revokeFeed(db, other, first.id)).toBe(false);
		expect(revokeFeed(db, coordinator, first.id)).toBe(true);
		expect(revokeFeed(db, coordinator, first.id)).toBe(false);
		expect(feedOwner(db, first.token)).toBeNull();
		expect(feedOwner(db, second.token)).toMatchObject({ id: coordinator });
		expect(listFeeds(db, coordinator).map((f) => f.id)).toEqual([second.id]);
		expect(entityHistory(db, 'calendar_feed', first.id).map((e) => e.action)).toEqual([
			'created',
			'revoked'
		]);
		expect(
			feedOwner(
				db,
				second.token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))
			)
		).toBeNull();
		expect(feedOwner(db, 'short')).toBeNull();
		db.update(users).set({ disabled: true }).where(eq(users.id, coordinator)).run();
		expect(feedOwner(db, second.token)).toBeNull();
	});
});
