import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { delegates, users, visits } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { listAudit } from '../audit/log';
import { getVisit } from '../visits/read';
import { visitTarget } from '../visits/workflow';
import { actorOf } from '../accounts/users';
import { can } from '../policy';
import {
	addDelegate,
	delegateVersion,
	delegationOf,
	getDelegate,
	missingLogisticsCount,
	removeDelegate,
	updateDelegate,
	visitsMissingLogistics
} from './delegates';
import { dateWarnings, missingLogistics } from '$lib/delegation';
import type { DelegateInput } from '$lib/schemas/delegate';
import { ACCOMMODATION_STATUSES, TRAVEL_STATUSES, VISA_STATUSES } from '$lib/enums';

const NOW = new Date('2026-11-22T10:00:00Z');
let db: DB;

beforeAll(async () => {
	db = createTestDb();
	await seedDemo(db, NOW);
});

const visitId = (fragment: string) =>
	db
		.select()
		.from(visits)
		.all()
		.find((v) => v.title.includes(fragment))!.id;
const userId = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!.id;
type ReadVisit = NonNullable<ReturnType<typeof getVisit>>;
/** Staff read every delegate in full. */
const asStaff = (visit: ReadVisit) => ({
	actor: { id: userId('staff@partage.example.org'), globalRole: 'staff' as const },
	target: visitTarget(visit)
});
const orgOf = (visit: number, shortName: string) =>
	delegationOf(db, getVisit(db, visit)!, asStaff(getVisit(db, visit)!)).groups.find(
		(g) => g.organisation.shortName === shortName
	)!.organisation.organisationId;

const input = (over: Partial<DelegateInput> = {}): DelegateInput => ({
	name: 'Ama',
	function: 'Monitrice',
	email: null,
	userId: null,
	arrivesAt: '2027-01-20T09:00',
	departsAt: '2027-01-26T15:00',
	travel: 'booked',
	visa: 'not_needed',
	accommodation: 'booked',
	needs: '',
	...over
});

describe('logistics checklist', () => {
	it('names what is missing for a traveller', () => {
		const none = { arrivesAt: null, departsAt: null } as const;
		expect(
			missingLogistics({
				...none,
				travel: 'to_book',
				visa: 'to_apply',
				accommodation: 'to_arrange'
			})
		).toEqual(['arrival', 'departure', 'travel', 'visa', 'accommodation']);
		expect(
			missingLogistics({ ...none, travel: 'booked', visa: 'pending', accommodation: 'booked' })
		).toEqual(['arrival', 'departure', 'visa']);
		expect(
			missingLogistics({
				arrivesAt: '2024-05-05T09:00',
				departsAt: '2024-05-10T09:00',
				travel: 'booked',
				visa: 'refused',
				accommodation: 'not_needed'
			})
		).toEqual(['visa_refused']);
		expect(
			missingLogistics({
				arrivesAt: '2024-05-05T09:00',
				departsAt: '2024-05-10T09:00',
				travel: 'booked',
				visa: 'obtained',
				accommodation: 'booked'
			})
		).toEqual([]);
	});

	it('asks no arrival or departure of someone who does not travel (the host team)', () => {
		expect(
			missingLogistics({
				arrivesAt: null,
				departsAt: null,
				travel: 'not_needed',
				visa: 'not_needed',
				accommodation: 'not_needed'
			})
		).toEqual([]);
	});

	it('counts in SQL exactly as the rule does, for every combination', () => {
		const db2 = createTestDb();
		const base = db.select().from(visits).all()[0];
		db2.$client.exec(`INSERT INTO organisations (name, short_name, country, city, time_zone)
			VALUES ('Org', 'ORG', 'BF', 'Ouaga', 'Africa/Ouagadougou')`);
		const { id: vid } = db2
			.insert(visits)
			.values({ ...base, id: undefined, hostOrganisationId: 1, proposerOrganisationId: 1 })
			.returning({ id: visits.id })
			.get();
		let expected = 0;
		for (const travel of TRAVEL_STATUSES)
			for (const visa of VISA_STATUSES)
				for (const accommodation of ACCOMMODATION_STATUSES)
					for (const arrivesAt of [null, '2024-05-05T09:00'])
						for (const departsAt of [null, '2024-05-10T09:00']) {
							const row = { arrivesAt, departsAt, travel, visa, accommodation };
							if (missingLogistics(row).length) expected++;
							db2
								.insert(delegates)
								.values({ ...row, visitId: vid, organisationId: 1, name: 'X' })
								.run();
						}
		expect(expected).toBeGreaterThan(0);
		expect(missingLogisticsCount(db2, vid)).toBe(expected);
	});

	it('counts many visits in one call, leaving out those with nothing missing', () => {
		const [v1, v2, v5] = ['classes préscolaires', 'MAEECHA', 'pédagogie'].map(visitId);
		const counts = visitsMissingLogistics(db, [v1, v2, v5]);
		expect(counts.get(v5)).toBe(2);
		expect(counts.has(v1)).toBe(false);
		expect(counts.has(v2)).toBe(false);
		expect(visitsMissingLogistics(db, []).size).toBe(0);
	});

	it('warns about dates more than 3 days away from the visit, without refusing them', () => {
		const visit = { startsOn: '2024-05-05', endsOn: '2024-05-10' };
		const ok = { arrivesAt: '2024-05-02T23:59', departsAt: '2024-05-13T06:00' };
		expect(dateWarnings(visit, ok)).toEqual([]);
		expect(
			dateWarnings(visit, { arrivesAt: '2024-05-01T10:00', departsAt: '2024-05-14T10:00' })
		).toEqual(['arrival_early', 'departure_late']);
		expect(dateWarnings(visit, { arrivesAt: '2024-06-05T10:00', departsAt: null })).toEqual([
			'arrival_late'
		]);
	});
});

describe('adding, editing and removing delegates', () => {
	it('links an account only when the person belongs to the organisation, writing nothing otherwise', () => {
		const v5 = visitId('pédagogie');
		const dt = orgOf(v5, 'DT');
		const actor = userId('coordinator@dispensaire-trottoir.example.org');
		const before = db.select().from(delegates).all().length;
		const refused = addDelegate(
			db,
			actor,
			v5,
			dt,
			input({ userId: userId('member@keoogo.example.org') })
		);
		expect(refused).toEqual({ ok: false, field: 'userId' });
		expect(db.select().from(delegates).all()).toHaveLength(before);

		const added = addDelegate(db, actor, v5, dt, input({ userId: actor, name: 'Issa Traoré' }));
		expect(added.ok).toBe(true);
		expect(db.select().from(delegates).all()).toHaveLength(before + 1);
	});

	it('records every change in the audit log, an edit with only what changed', () => {
		const v5 = visitId('pédagogie');
		const dt = orgOf(v5, 'DT');
		const actor = userId('coordinator@dispensaire-trottoir.example.org');
		const result = addDelegate(db, actor, v5, dt, input({ name: 'Mariam' }));
		if (!result.ok) throw new Error('not added');
		const audit = (action: string) =>
			listAudit(db, { entity: 'delegate', entityId: String(result.id), action }).events;
		expect(audit('created')[0]).toMatchObject({ actorId: actor, changes: { name: 'Mariam' } });

		const saved = getDelegate(db, v5, result.id)!;
		updateDelegate(db, actor, saved, input({ name: 'Mariam', travel: 'to_book' }));
		expect(audit('updated')[0].changes).toEqual({ visitId: v5, travel: 'to_book' });
		expect(getDelegate(db, v5, result.id)?.travel).toBe('to_book');

		const refused = updateDelegate(
			db,
			actor,
			saved,
			input({ userId: userId('staff@partage.example.org') })
		);
		expect(refused).toEqual({ ok: false, field: 'userId' });

		removeDelegate(db, actor, getDelegate(db, v5, result.id)!);
		expect(getDelegate(db, v5, result.id)).toBeUndefined();
		expect(audit('deleted')[0].changes).toMatchObject({ name: 'Mariam', organisationId: dt });
	});

	it('gives the edit form a fingerprint that any saved change alters', () => {
		const d = db.select().from(delegates).all()[0];
		expect(delegateVersion({ ...d })).toBe(delegateVersion(d));
		expect(delegateVersion({ ...d, createdAt: new Date(0) })).toBe(delegateVersion(d));
		for (const change of [
			{ needs: 'végétarien' },
			{ arrivesAt: null },
			{ visa: 'refused' as const }
		]) {
			expect(delegateVersion({ ...d, ...change })).not.toBe(delegateVersion(d));
		}
	});

	it('finds a delegate only through its own visit', () => {
		const [v1, v5] = [visitId('classes préscolaires'), visitId('pédagogie')];
		const someone = db.select().from(delegates).where(eq(delegates.visitId, v1)).all()[0];
		expect(getDelegate(db, v1, someone.id)?.name).toBe(someone.name);
		expect(getDelegate(db, v5, someone.id)).toBeUndefined();
		expect(getDelegate(db, v1, 999_999)).toBeUndefined();
	});
});

describe('the delegation of a visit', () => {
	it('groups delegates by organisation, host first, with each one’s checklist', () => {
		const visit = getVisit(db, visitId('classes préscolaires'))!;
		const { groups, total, incomplete } = delegationOf(db, visit, asStaff(visit));
		expect(groups.map((g) => g.organisation.shortName)).toEqual(['DT', 'KEOOGO', 'PARTAGE']);
		expect(groups[0].delegates.map((d) => d.name)).toEqual(['Agathe', 'Djénéba Konaté']);
		expect(groups[1].delegates.map((d) => d.function)).toContain(
			"Responsable pédagogique, superviseure de l'école maternelle"
		);
		expect(groups[1].delegates.find((d) => d.name === 'Awa')?.userName).toBe('Awa Sawadogo');
		expect(total).toBe(5);
		expect(incomplete).toEqual([]);
	});

	it('keeps showing delegates of an organisation that no longer takes part', () => {
		const visit = getVisit(db, visitId('pédagogie'))!;
		const aheed = orgOf(visitId('Cantines'), 'AHEED');
		const { id } = db
			.insert(delegates)
			.values({ visitId: visit.id, organisationId: aheed, name: 'Dina Raouf' })
			.returning({ id: delegates.id })
			.get();
		const last = delegationOf(db, visit, asStaff(visit)).groups.at(-1)!;
		expect(last.organisation).toMatchObject({ role: 'former', shortName: 'AHEED' });
		expect(last.delegates.map((d) => d.name)).toEqual(['Dina Raouf']);
		db.delete(delegates).where(eq(delegates.id, id)).run();
	});

	it('has the two RACINES representatives on the MAEECHA visit', () => {
		const visit = getVisit(db, visitId('MAEECHA'))!;
		const racines = delegationOf(db, visit, asStaff(visit)).groups.find(
			(g) => g.organisation.shortName === 'RACINES'
		)!;
		expect(racines.delegates.map((d) => d.name).sort()).toEqual([
			'Tobias Gbaguidi',
			'Vital Amoussou'
		]);
	});

	it('lets the policy decide who manages which side, from the visit as read', () => {
		const v5 = getVisit(db, visitId('pédagogie'))!;
		const v1 = getVisit(db, visitId('classes préscolaires'))!;
		const dtCoordinator = actorOf(db, {
			id: userId('coordinator@dispensaire-trottoir.example.org'),
			globalRole: 'member'
		});
		const manage = (visit: typeof v1, shortName: string) =>
			can(dtCoordinator, 'delegate.manage', {
				visit: visitTarget(visit),
				organisationId: orgOf(visit.id, shortName)
			});
		expect(manage(v5, 'DT')).toBe(true);
		expect(manage(v5, 'RACINES')).toBe(false);
		// A completed visit's delegation is history.
		expect(manage(v1, 'DT')).toBe(false);
	});
});

describe('who reads a delegate’s details (personal data is need-to-know)', () => {
	const v1 = () => getVisit(db, visitId('classes préscolaires'))!;
	const person = (email: string) => actorOf(db, { id: userId(email), globalRole: 'member' });
	const seenBy = (actor: ReturnType<typeof person>, visit = v1(), target = visitTarget(visit)) =>
		delegationOf(db, visit, { actor, target });
	const names = (d: ReturnType<typeof seenBy>) =>
		d.groups.flatMap((g) => g.delegates.map((x) => x.name)).sort();
	const ALL = ['Agathe', 'Awa', 'Djénéba Konaté', 'Natacha', 'Safiatou Congo'];

	it('shows every delegate in full to the coordinators of the organisations taking part', () => {
		for (const email of [
			'coordinator@keoogo.example.org',
			'coordinator@dispensaire-trottoir.example.org'
		]) {
			const d = seenBy(person(email));
			expect(names(d), email).toEqual(ALL);
			expect(d.groups.flatMap((g) => g.others)).toEqual([]);
		}
	});

	it('shows a member only themself; of the others, how many and their functions', () => {
		const d = seenBy(person('member@keoogo.example.org'));
		expect(names(d)).toEqual(['Awa']);
		expect(d.total).toBe(5);
		expect(d.detailed).toBe(1);
		const keoogo = d.groups.find((g) => g.organisation.shortName === 'KEOOGO')!;
		expect(keoogo.others.map((o) => o.function).sort()).toEqual([
			'Monitrice',
			"Responsable pédagogique, superviseure de l'école maternelle"
		]);
		// Not even selected: nothing of the others can reach a page's data.
		expect(keoogo.others.every((o) => Object.keys(o).sort().join() === 'function,organisationId'));
		const text = JSON.stringify(d);
		expect(text).not.toContain('safiatou.congo@keoogo.example.org');
		expect(text).not.toContain('Safiatou');
		expect(text).not.toContain('natacha@keoogo.example.org');
	});

	it('hides every detail from a coordinator of an organisation not taking part', () => {
		const racines = person('coordinator@racines.example.org');
		const d = seenBy(racines);
		expect(names(d)).toEqual([]);
		expect(d.groups.flatMap((g) => g.others)).toHaveLength(5);
		expect(JSON.stringify(d)).not.toMatch(/@|booked|not_needed/);
	});

	it('stops showing the others to the coordinators of an organisation that declined', () => {
		const visit = v1();
		const target = visitTarget(visit);
		const dt = orgOf(visit.id, 'DT');
		const declined = {
			...target,
			participants: target.participants.map((p) =>
				p.organisationId === dt ? { ...p, response: 'declined' as const } : p
			)
		};
		const d = seenBy(person('coordinator@dispensaire-trottoir.example.org'), visit, declined);
		// Their own people stay theirs.
		expect(names(d)).toEqual(['Agathe', 'Djénéba Konaté']);
	});

	it('counts only what the reader sees in full for the checklist', () => {
		const visit = getVisit(db, visitId('pédagogie'))!;
		const someone = seenBy(person('member@keoogo.example.org'), visit);
		const staff = delegationOf(db, visit, asStaff(visit));
		expect(staff.incomplete.length).toBeGreaterThan(0);
		expect(someone.incomplete).toEqual([]);
		expect(someone.detailed).toBe(0);
		expect(someone.total).toBe(staff.total);
	});
});
