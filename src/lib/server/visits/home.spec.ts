import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { auditEvents, organisations, users } from '../db/schema';
import { createVisit } from './workflow';
import { proposeDates } from './answers';
import { getVisit } from './read';
import { visitTarget } from './workflow';
import {
	awaitingMyAnswer,
	datesAwaitingMyAnswer,
	myDrafts,
	staleProposals,
	upcomingVisits
} from './home';

let db: DB;
let keoogo = 0;
let dt = 0;
const ctx = { actorId: 1, origin: 'https://passerelle.test' };
const details = {
	title: 'Observer les classes',
	objectives: '',
	startsOn: '2026-12-07',
	endsOn: '2026-12-11',
	timeZone: 'Africa/Ouagadougou',
	place: '',
	languages: [],
	themeIds: []
};

beforeEach(() => {
	db = createTestDb();
	db.insert(users).values({ email: 'c@k.example.org', name: 'C', passwordHash: 'x' }).run();
	[keoogo, dt] = db
		.insert(organisations)
		.values([
			{
				name: 'KEOOGO',
				shortName: 'KEOOGO',
				country: 'BF',
				city: 'X',
				timeZone: 'Africa/Ouagadougou'
			},
			{ name: 'DT', shortName: 'DT', country: 'BJ', city: 'Y', timeZone: 'Africa/Porto-Novo' }
		])
		.returning()
		.all()
		.map((o) => o.id);
});

const propose = (send = true) => {
	const created = createVisit(
		db,
		ctx,
		{ kind: 'exchange', proposerId: keoogo, hostId: dt, visitorIds: [keoogo] },
		details,
		send,
		{ confirmed: true }
	);
	if (!created.ok) throw new Error('not created');
	return created.id;
};

describe('home page lists', () => {
	it('puts a proposal in the counterpart’s waiting list, not the proposer’s', () => {
		const id = propose();
		expect(awaitingMyAnswer(db, [dt]).map((v) => v.id)).toEqual([id]);
		expect(awaitingMyAnswer(db, [keoogo])).toEqual([]);
		expect(upcomingVisits(db, [keoogo], new Date('2026-12-01T00:00:00Z')).map((v) => v.id)).toEqual(
			[id]
		);
		expect(upcomingVisits(db, [keoogo], new Date('2027-01-01T00:00:00Z'))).toEqual([]);
	});

	it('puts other dates in the proposer’s waiting list, and drafts only with their organisation', () => {
		const id = propose();
		const v = getVisit(db, id)!;
		proposeDates(
			db,
			ctx,
			{ ...visitTarget(v), id, title: v.title },
			{ organisationId: dt, startsOn: '2027-01-04', endsOn: '2027-01-08', note: '' }
		);
		expect(datesAwaitingMyAnswer(db, [keoogo]).map((d) => d.proposedStartsOn)).toEqual([
			'2027-01-04'
		]);
		expect(datesAwaitingMyAnswer(db, [dt])).toEqual([]);
		const draft = propose(false);
		expect(myDrafts(db, [keoogo]).map((d) => d.id)).toEqual([draft]);
		expect(myDrafts(db, [dt])).toEqual([]);
	});

	it('shows staff the proposals unanswered for more than 14 days', () => {
		const old = propose();
		const fresh = propose();
		db.update(auditEvents)
			.set({ at: new Date('2026-10-01T00:00:00Z') })
			.run();
		db.insert(auditEvents)
			.values({
				actorId: 1,
				entity: 'visit',
				entityId: String(fresh),
				action: 'proposed',
				at: new Date('2026-11-20T00:00:00Z')
			})
			.run();
		const stale = staleProposals(db, 14, new Date('2026-11-22T00:00:00Z'));
		expect(stale.map((v) => v.id)).toEqual([old]);
		expect(stale[0].sentAt).toEqual(new Date('2026-10-01T00:00:00Z'));
	});
});
