import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { memberships, notifications, organisations, outbox, users, visits } from '../db/schema';
import { getVisit } from './read';
import { createVisit, pastDates, updateVisitDetails, visitTarget, type Parties } from './workflow';
import { deleteDraft, moveVisit } from './transitions';
import { answerDates, answerVisit, openDateProposals, proposeDates } from './answers';
import { entityHistory } from '../audit/log';
import { completeFinishedVisits } from './completion';
import { savePreferences } from '../notifications/preferences';

const ORIGIN = { origin: 'https://passerelle.test' };
import { visitDetailsSchema, type VisitDetails } from '$lib/schemas/visit';

let db: DB;
const org: Record<string, number> = {};
const coord: Record<string, number> = {};
/** These tests record visits whatever today is: dates that have passed are confirmed. */
const RECORD = { confirmed: true };
const created = (result: ReturnType<typeof createVisit>) => {
	if (!result.ok) throw new Error('not created');
	return result.id;
};
const ctx = (who: string) => ({ actorId: coord[who], origin: 'https://passerelle.test' });

const details: VisitDetails = {
	title: 'Observer les classes préscolaires',
	objectives: 'Pratiques de classe',
	startsOn: '2026-12-07',
	endsOn: '2026-12-11',
	timeZone: 'Africa/Ouagadougou',
	place: 'Bobo-Dioulasso',
	languages: ['fr'],
	themeIds: [],
	expectedSize: 4
};

beforeEach(() => {
	db = createTestDb();
	for (const short of ['KEOOGO', 'DT', 'RACINES', 'MAEECHA', 'AHEED']) {
		org[short] = db
			.insert(organisations)
			.values({
				name: short,
				shortName: short,
				country: 'BF',
				city: 'X',
				timeZone: 'Africa/Ouagadougou'
			})
			.returning()
			.get().id;
		coord[short] = db
			.insert(users)
			.values({
				email: `c@${short}.example.org`,
				name: `Coord ${short}`,
				passwordHash: 'x',
				preferredLocale: 'en'
			})
			.returning()
			.get().id;
		db.insert(memberships)
			.values({ userId: coord[short], organisationId: org[short], role: 'coordinator' })
			.run();
	}
});

const target = (id: number) => {
	const v = getVisit(db, id)!;
	return { ...visitTarget(v), id, title: v.title };
};
const exchange = (): Parties => ({
	kind: 'exchange',
	proposerId: org.KEOOGO,
	hostId: org.DT,
	visitorIds: [org.KEOOGO]
});

describe('visit details form', () => {
	it('refuses an end before the start and an impossible date', () => {
		const bad = visitDetailsSchema.safeParse({
			...details,
			startsOn: '2026-12-07',
			endsOn: '2026-12-01'
		});
		expect(bad.error?.issues[0]).toMatchObject({ path: ['endsOn'], message: 'end_before_start' });
		const impossible = visitDetailsSchema.safeParse({ ...details, startsOn: '2026-02-30' });
		expect(impossible.error?.issues[0]).toMatchObject({
			path: ['startsOn'],
			message: 'invalid_date'
		});
		const long = visitDetailsSchema.safeParse({ ...details, title: 'x'.repeat(20_000) });
		expect(long.error?.issues[0]).toMatchObject({ path: ['title'], message: 'too_long' });
	});
});

describe('proposing and answering an exchange', () => {
	it('a sent proposal tells the counterpart coordinators, in their language, and not the proposer', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		const visit = getVisit(db, id)!;
		expect(visit.status).toBe('proposed');
		expect(visit.host).toMatchObject({ organisationId: org.DT, response: 'invited' });
		expect(visit.visitors[0]).toMatchObject({ organisationId: org.KEOOGO, response: 'accepted' });
		const told = db.select().from(notifications).all();
		expect(told.map((n) => n.userId)).toEqual([coord.DT]);
		const [mail] = db.select().from(outbox).all();
		expect(mail.to).toBe('c@DT.example.org');
		expect(mail.subject).toContain('KEOOGO proposes a visit');
		expect(mail.body).toContain(`https://passerelle.test/visits/${id}`);
	});

	it('a draft tells nobody until it is sent', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, false, RECORD));
		expect(db.select().from(notifications).all()).toHaveLength(0);
		expect(moveVisit(db, ctx('KEOOGO'), target(id), 'send')).toBe(true);
		expect(getVisit(db, id)?.status).toBe('proposed');
		expect(db.select().from(notifications).all()).toHaveLength(1);
		expect(moveVisit(db, ctx('KEOOGO'), target(id), 'send')).toBe(false);
	});

	it('counter-proposed dates, accepted by the proposer, become the dates and the visit is accepted', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		proposeDates(db, ctx('DT'), target(id), {
			organisationId: org.DT,
			startsOn: '2027-01-11',
			endsOn: '2027-01-15',
			note: 'Après les congés'
		});
		const [proposal] = openDateProposals(db, id);
		expect(proposal).toMatchObject({ organisation: 'DT', startsOn: '2027-01-11' });
		expect(answerDates(db, ctx('KEOOGO'), target(id), proposal.id, true)).toBe(true);
		const visit = getVisit(db, id)!;
		expect(visit).toMatchObject({
			status: 'accepted',
			startsOn: '2027-01-11',
			endsOn: '2027-01-15',
			version: 2
		});
		expect(visit.host?.response).toBe('accepted');
		expect(openDateProposals(db, id)).toHaveLength(0);
		expect(answerDates(db, ctx('KEOOGO'), target(id), proposal.id, true)).toBe(false);
		expect(entityHistory(db, 'visit', id).map((e) => e.action)).toEqual([
			'created',
			'proposed',
			'dates_proposed',
			'dates_accepted',
			'accepted'
		]);
	});

	it('rejected dates leave the proposal open for an answer', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		const pid = proposeDates(db, ctx('DT'), target(id), {
			organisationId: org.DT,
			startsOn: '2027-01-11',
			endsOn: '2027-01-15',
			note: ''
		});
		answerDates(db, ctx('KEOOGO'), target(id), pid, false);
		expect(getVisit(db, id)).toMatchObject({ status: 'proposed', startsOn: '2026-12-07' });
		expect(answerVisit(db, ctx('DT'), target(id), org.DT, 'declined', 'Pas de place')).toBe(
			'declined'
		);
		expect(getVisit(db, id)).toMatchObject({ status: 'declined', statusReason: 'Pas de place' });
	});
});

describe('a meeting of five organisations', () => {
	it('goes on when one accepts, whatever the others say, and is declined only if all decline', () => {
		const parties: Parties = {
			kind: 'meeting',
			proposerId: org.KEOOGO,
			hostId: org.KEOOGO,
			visitorIds: [org.DT, org.RACINES, org.MAEECHA, org.AHEED]
		};
		const id = created(createVisit(db, ctx('KEOOGO'), parties, details, true, RECORD));
		expect(db.select().from(notifications).all()).toHaveLength(4);
		expect(answerVisit(db, ctx('AHEED'), target(id), org.AHEED, 'declined', 'Budget')).toBe(
			'proposed'
		);
		expect(answerVisit(db, ctx('DT'), target(id), org.DT, 'accepted', '')).toBe('accepted');
		expect(answerVisit(db, ctx('RACINES'), target(id), org.RACINES, 'accepted', '')).toBe(
			'accepted'
		);
		const visit = getVisit(db, id)!;
		expect(visit.visitors.map((v) => [v.shortName, v.response, v.reason])).toEqual([
			['AHEED', 'declined', 'Budget'],
			['DT', 'accepted', null],
			['MAEECHA', 'invited', null],
			['RACINES', 'accepted', null]
		]);

		const all = created(
			createVisit(
				db,
				ctx('KEOOGO'),
				{ ...parties, visitorIds: [org.DT, org.AHEED] },
				details,
				true,
				RECORD
			)
		);
		answerVisit(db, ctx('DT'), target(all), org.DT, 'declined', 'Dates');
		expect(answerVisit(db, ctx('AHEED'), target(all), org.AHEED, 'declined', 'Budget')).toBe(
			'declined'
		);
	});
});

describe('dates that have passed', () => {
	// 10 March 2026, 12:00 UTC: already the 11th in Auckland, still the 10th in Ouagadougou.
	const now = new Date('2026-03-10T12:00:00Z');
	const old = { ...details, startsOn: '2026-03-02', endsOn: '2026-03-06' };

	it('are asked before a proposal is written, then saved once confirmed', () => {
		const asked = createVisit(db, ctx('KEOOGO'), exchange(), old, true, { confirmed: false, now });
		expect(asked).toEqual({ ok: false, errors: { startsOn: 'past_date' } });
		expect(db.select().from(visits).all()).toHaveLength(0);
		expect(db.select().from(notifications).all()).toHaveLength(0);
		const saved = createVisit(db, ctx('KEOOGO'), exchange(), old, true, { confirmed: true, now });
		expect(saved.ok).toBe(true);
		expect(db.select().from(visits).all()).toHaveLength(1);
	});

	it('are counted where the visit takes place; today is not past', () => {
		const today = { ...details, startsOn: '2026-03-10', endsOn: '2026-03-12' };
		expect(pastDates(today, { confirmed: false, now })).toEqual({});
		const auckland = { ...today, timeZone: 'Pacific/Auckland' };
		expect(pastDates(auckland, { confirmed: false, now })).toEqual({ startsOn: 'past_date' });
	});

	it('are asked again only when an edit moves them', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), old, false, RECORD));
		const keep = { confirmed: false, now };
		expect(updateVisitDetails(db, ctx('KEOOGO'), id, 1, { ...old, place: 'Pô' }, keep)).toBe('ok');
		const moved = { ...old, endsOn: '2026-03-07' };
		expect(updateVisitDetails(db, ctx('KEOOGO'), id, 2, moved, keep)).toBe('past');
		expect(getVisit(db, id)?.endsOn).toBe('2026-03-06');
		expect(updateVisitDetails(db, ctx('KEOOGO'), id, 2, moved, { ...keep, confirmed: true })).toBe(
			'ok'
		);
	});
});

describe('editing safely', () => {
	it('refuses the second of two edits made from the same version and writes nothing', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		expect(updateVisitDetails(db, ctx('KEOOGO'), id, 1, { ...details, place: 'Ouagadougou' })).toBe(
			'ok'
		);
		expect(updateVisitDetails(db, ctx('DT'), id, 1, { ...details, title: 'Autre titre' })).toBe(
			'stale'
		);
		const row = db.select().from(visits).where(eq(visits.id, id)).get()!;
		expect(row).toMatchObject({ version: 2, place: 'Ouagadougou', title: details.title });
	});

	it('tells the other side when the dates of a sent visit change', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		updateVisitDetails(db, ctx('KEOOGO'), id, 1, { ...details, endsOn: '2026-12-12' }, RECORD);
		const kinds = db
			.select()
			.from(notifications)
			.all()
			.map((n) => [n.kind, n.userId]);
		expect(kinds).toContainEqual(['visit_dates_changed', coord.DT]);
		expect(kinds).not.toContainEqual(['visit_dates_changed', coord.KEOOGO]);
	});
});

describe('lifecycle', () => {
	it('runs accepted → confirmed → completed → closed, and a cancellation keeps its reason', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		answerVisit(db, ctx('DT'), target(id), org.DT, 'accepted', '');
		expect(moveVisit(db, ctx('DT'), target(id), 'close')).toBe(false);
		for (const step of ['confirm', 'complete', 'close'] as const) {
			expect(moveVisit(db, ctx('DT'), target(id), step)).toBe(true);
		}
		expect(getVisit(db, id)?.status).toBe('closed');
		expect(moveVisit(db, ctx('DT'), target(id), 'cancel', 'Trop tard')).toBe(false);

		const other = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		expect(
			moveVisit(db, ctx('KEOOGO'), target(other), 'cancel', 'Grève des transports', org.KEOOGO)
		).toBe(true);
		expect(getVisit(db, other)).toMatchObject({
			status: 'cancelled',
			statusReason: 'Grève des transports'
		});
		const mail = db.select().from(outbox).all().at(-1)!;
		expect(mail.subject).toContain('KEOOGO cancelled');
	});

	it('reopens a visit completed or closed by mistake, with a reason, in its history and told', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		answerVisit(db, ctx('DT'), target(id), org.DT, 'accepted', '');
		moveVisit(db, ctx('DT'), target(id), 'complete');
		db.delete(notifications).run();
		const prefs = {
			proposals: 'mail',
			changes: 'mail',
			status: 'mail',
			reminders: 'mail'
		} as const;
		savePreferences(db, coord.DT, prefs);
		expect(moveVisit(db, ctx('KEOOGO'), target(id), 'reopen')).toBe(false);
		expect(moveVisit(db, ctx('KEOOGO'), target(id), 'reopen', 'Marquée terminée par erreur')).toBe(
			true
		);
		expect(getVisit(db, id)?.status).toBe('confirmed');
		expect(entityHistory(db, 'visit', id).find((e) => e.action === 'reopened')).toMatchObject({
			changes: { status: 'confirmed', from: 'completed', reason: 'Marquée terminée par erreur' }
		});
		const told = db.select().from(notifications).all();
		expect(told.map((n) => n.userId)).toContain(coord.DT);
		expect(told[0].payload).toMatchObject({ status: 'confirmed', reopened: 1 });
		expect(db.select().from(outbox).all().at(-1)!.subject).toContain('reopened');
		// The automatic completion does not undo the reopening, even after the last day.
		expect(completeFinishedVisits.run(db, new Date('2027-06-01T12:00:00Z'), ORIGIN)).toEqual([]);
		expect(getVisit(db, id)?.status).toBe('confirmed');

		moveVisit(db, ctx('DT'), target(id), 'complete');
		moveVisit(db, ctx('DT'), target(id), 'close');
		expect(moveVisit(db, ctx('KEOOGO'), target(id), 'reopen', 'Rapport à compléter')).toBe(true);
		expect(getVisit(db, id)?.status).toBe('completed');
	});
});

describe('races and drafts', () => {
	it('an answer read before a cancellation does not bring the visit back', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		const seenByDt = target(id);
		moveVisit(db, ctx('KEOOGO'), target(id), 'cancel', 'Grève', org.KEOOGO);
		answerVisit(db, ctx('DT'), seenByDt, org.DT, 'accepted', '');
		expect(getVisit(db, id)?.status).toBe('cancelled');
	});

	it('two organisations declining at once still decline the meeting', () => {
		const parties: Parties = {
			kind: 'meeting',
			proposerId: org.KEOOGO,
			hostId: org.KEOOGO,
			visitorIds: [org.DT, org.AHEED]
		};
		const id = created(createVisit(db, ctx('KEOOGO'), parties, details, true, RECORD));
		const before = target(id);
		answerVisit(db, ctx('DT'), before, org.DT, 'declined', 'Dates');
		answerVisit(db, ctx('AHEED'), before, org.AHEED, 'declined', 'Budget');
		expect(getVisit(db, id)?.status).toBe('declined');
	});

	it('a draft is deleted, never cancelled, and nobody hears of it', () => {
		const id = created(createVisit(db, ctx('KEOOGO'), exchange(), details, false, RECORD));
		expect(moveVisit(db, ctx('KEOOGO'), target(id), 'cancel', 'x')).toBe(false);
		expect(deleteDraft(db, ctx('KEOOGO'), id)).toBe(true);
		expect(getVisit(db, id)).toBeUndefined();
		expect(db.select().from(notifications).all()).toHaveLength(0);
		const sent = created(createVisit(db, ctx('KEOOGO'), exchange(), details, true, RECORD));
		expect(deleteDraft(db, ctx('KEOOGO'), sent)).toBe(false);
	});

	it('accepted dates are told to everyone still taking part', () => {
		const parties: Parties = {
			kind: 'meeting',
			proposerId: org.KEOOGO,
			hostId: org.KEOOGO,
			visitorIds: [org.DT, org.RACINES, org.AHEED]
		};
		const id = created(createVisit(db, ctx('KEOOGO'), parties, details, true, RECORD));
		answerVisit(db, ctx('RACINES'), target(id), org.RACINES, 'declined', 'Non');
		const pid = proposeDates(db, ctx('DT'), target(id), {
			organisationId: org.DT,
			startsOn: '2027-02-01',
			endsOn: '2027-02-05',
			note: ''
		});
		db.delete(notifications).run();
		answerDates(db, ctx('KEOOGO'), target(id), pid, true);
		const told = db
			.select()
			.from(notifications)
			.all()
			.map((n) => [n.kind, n.userId]);
		expect(told).toContainEqual(['visit_dates_answered', coord.DT]);
		expect(told).toContainEqual(['visit_dates_changed', coord.AHEED]);
		expect(told.map((t) => t[1])).not.toContain(coord.RACINES);
	});
});
