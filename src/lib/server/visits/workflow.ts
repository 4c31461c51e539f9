// Creating visits and changing their details; moving them through their lifecycle is in
// transitions.ts. Every change is one transaction with its audit event and its notifications; the
// policy has already said the actor may make it.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { organisations, themes, visitOrganisations, visitThemes, visits } from '../db/schema';
import { recordAudit } from '../audit/log';
import { notify } from '../notifications/in-app';
import { counterparts, type VisitTarget } from '../policy';
import { VISIT_STATUS, isDraft, todayIn, type Told } from '$lib/visit-lifecycle';
import type { VisitDetails } from '$lib/schemas/visit';
import type { FieldErrors } from '$lib/schemas/common';
import type { VisitKind } from '$lib/enums';

export type Ctx = { actorId: number; origin: string };
/** Whether the person already said "save anyway" to dates that have passed. */
export type PastCheck = { confirmed: boolean; now?: Date };
export type Parties = { kind: VisitKind; proposerId: number; hostId: number; visitorIds: number[] };

type Participant = { organisationId: number; role: string; response: string };

/** The policy's view of a visit read with getVisit(). */
export function visitTarget(visit: {
	kind: VisitKind;
	status: VisitTarget['status'];
	hostOrganisationId: number;
	proposerOrganisationId: number;
	startsOn?: string;
	timeZone?: string;
	host?: Participant;
	visitors: Participant[];
	facilitators: Participant[];
}): VisitTarget {
	const all = [...(visit.host ? [visit.host] : []), ...visit.visitors, ...visit.facilitators];
	return {
		kind: visit.kind,
		status: visit.status,
		hostOrganisationId: visit.hostOrganisationId,
		proposerOrganisationId: visit.proposerOrganisationId,
		startsOn: visit.startsOn,
		timeZone: visit.timeZone,
		participants: all.map((p) => ({
			organisationId: p.organisationId,
			role: p.role as VisitTarget['participants'][number]['role'],
			response: p.response as VisitTarget['participants'][number]['response']
		}))
	};
}

export const orgName = (tx: Tx, id: number) =>
	tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)).get()
		?.name ?? '';

/** The organisations a move tells (lifecycle `tells`), as the visit stands. */
export function toldOf(visit: VisitTarget, tells: Told): number[] {
	if (tells === 'counterparts') return counterparts(visit);
	if (tells === 'proposer_and_host') {
		return [...new Set([visit.proposerOrganisationId, visit.hostOrganisationId])];
	}
	return visit.participants.filter((p) => p.response !== 'declined').map((p) => p.organisationId);
}

/** The organisations still taking part (those that declined are no longer told). */
export function participantIds(tx: Tx, visitId: number) {
	return tx
		.select({ id: visitOrganisations.organisationId })
		.from(visitOrganisations)
		.where(
			and(eq(visitOrganisations.visitId, visitId), ne(visitOrganisations.response, 'declined'))
		)
		.all()
		.map((r) => r.id);
}

/** Checks what the form cannot: the organisations and themes exist and the parties make sense. */
export function checkParties(db: DB, parties: Parties, details: VisitDetails) {
	const errors: FieldErrors = {};
	const wanted = [parties.hostId, ...parties.visitorIds];
	const active = db
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(inArray(organisations.id, wanted), isNull(organisations.archivedAt)))
		.all()
		.map((r) => r.id);
	if (!active.includes(parties.hostId)) errors.hostId = 'invalid';
	if (parties.visitorIds.length === 0) errors.visitorIds = 'required';
	else if (parties.visitorIds.some((id) => !active.includes(id))) errors.visitorIds = 'invalid';
	else if (parties.visitorIds.includes(parties.hostId)) errors.visitorIds = 'same_organisation';
	if (parties.kind === 'exchange' && parties.visitorIds.length > 1) errors.visitorIds = 'invalid';
	Object.assign(errors, checkThemes(db, details.themeIds));
	return errors;
}

export function checkThemes(db: DB, themeIds: number[]): FieldErrors {
	if (!themeIds.length) return {};
	const known = db.select({ id: themes.id }).from(themes).where(inArray(themes.id, themeIds)).all();
	return known.length === new Set(themeIds).size ? {} : { themeIds: 'invalid' };
}

/**
 * Dates that have passed where the visit takes place: recording a visit that already happened is
 * real use, but more often a slip of the year, so it is saved only once the person confirmed.
 * Every write of a visit's dates asks this (creating, editing; not an edit that keeps them).
 */
export function pastDates(
	details: Pick<VisitDetails, 'startsOn' | 'timeZone'>,
	{ confirmed, now = new Date() }: PastCheck
): FieldErrors {
	if (confirmed) return {};
	return details.startsOn < todayIn(details.timeZone, now) ? { startsOn: 'past_date' } : {};
}

function detailColumns(d: VisitDetails) {
	return {
		title: d.title,
		objectives: d.objectives,
		startsOn: d.startsOn,
		endsOn: d.endsOn,
		timeZone: d.timeZone,
		place: d.place,
		languages: d.languages,
		expectedSize: d.expectedSize ?? null
	};
}

export function proposedNotice(
	tx: Tx,
	ctx: Ctx,
	visitId: number,
	title: string,
	target: VisitTarget
) {
	notify(tx, {
		kind: 'visit_proposed',
		visitId,
		organisationIds: counterparts(target),
		actorId: ctx.actorId,
		payload: { title, organisation: orgName(tx, target.proposerOrganisationId) },
		origin: ctx.origin
	});
}

/**
 * Creates a draft, or a sent proposal when `send`; the proposer's side has accepted by asking.
 * Dates that have passed and were not confirmed write nothing and come back as field errors.
 */
export function createVisit(
	db: DB,
	ctx: Ctx,
	parties: Parties,
	details: VisitDetails,
	send: boolean,
	past: PastCheck
): { ok: true; id: number } | { ok: false; errors: FieldErrors } {
	const warned = pastDates(details, past);
	if (Object.keys(warned).length) return { ok: false, errors: warned };
	return db.transaction((tx) => {
		const { id } = tx
			.insert(visits)
			.values({
				...detailColumns(details),
				kind: parties.kind,
				status: send ? VISIT_STATUS.proposed : VISIT_STATUS.draft,
				hostOrganisationId: parties.hostId,
				proposerOrganisationId: parties.proposerId,
				createdById: ctx.actorId
			})
			.returning({ id: visits.id })
			.get();
		const rows = [
			{ organisationId: parties.hostId, role: 'host' as const },
			...parties.visitorIds.map((o) => ({ organisationId: o, role: 'visitor' as const }))
		].map((r) => ({
			...r,
			visitId: id,
			response:
				r.organisationId === parties.proposerId ? ('accepted' as const) : ('invited' as const)
		}));
		tx.insert(visitOrganisations).values(rows).run();
		if (details.themeIds.length) {
			tx.insert(visitThemes)
				.values([...new Set(details.themeIds)].map((themeId) => ({ visitId: id, themeId })))
				.run();
		}
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: id,
			action: 'created',
			changes: { status: VISIT_STATUS.draft, title: details.title }
		});
		if (send) {
			recordAudit(tx, {
				actorId: ctx.actorId,
				entity: 'visit',
				entityId: id,
				action: VISIT_STATUS.proposed
			});
			proposedNotice(tx, ctx, id, details.title, {
				kind: parties.kind,
				status: VISIT_STATUS.proposed,
				hostOrganisationId: parties.hostId,
				proposerOrganisationId: parties.proposerId,
				participants: rows
			});
		}
		return { ok: true as const, id };
	});
}

/**
 * Saves new details if nobody saved since `version` was read; otherwise 'stale' and nothing is
 * written, so a second editor never silently overwrites the first. New dates that have passed
 * and were not confirmed are 'past' (see pastDates); keeping the saved dates is never asked.
 */
export function updateVisitDetails(
	db: DB,
	ctx: Ctx,
	visitId: number,
	version: number,
	details: VisitDetails,
	past: PastCheck = { confirmed: false }
): 'ok' | 'stale' | 'past' {
	return db.transaction((tx) => {
		const before = tx.select().from(visits).where(eq(visits.id, visitId)).get();
		if (!before || before.version !== version) return 'stale';
		const moved = before.startsOn !== details.startsOn || before.endsOn !== details.endsOn;
		if (moved && Object.keys(pastDates(details, past)).length) return 'past';
		const columns = detailColumns(details);
		const done = tx
			.update(visits)
			.set({ ...columns, version: version + 1, updatedAt: new Date() })
			.where(and(eq(visits.id, visitId), eq(visits.version, version)))
			.run();
		if (done.changes !== 1) return 'stale';
		tx.delete(visitThemes).where(eq(visitThemes.visitId, visitId)).run();
		if (details.themeIds.length) {
			tx.insert(visitThemes)
				.values([...new Set(details.themeIds)].map((themeId) => ({ visitId, themeId })))
				.run();
		}
		const changes = Object.fromEntries(
			Object.entries(columns).filter(
				([k, v]) => JSON.stringify(before[k as keyof typeof columns]) !== JSON.stringify(v)
			)
		);
		recordAudit(tx, {
			actorId: ctx.actorId,
			entity: 'visit',
			entityId: visitId,
			action: 'updated',
			changes
		});
		const datesChanged = 'startsOn' in changes || 'endsOn' in changes;
		if (datesChanged && !isDraft(before.status)) {
			notify(tx, {
				kind: 'visit_dates_changed',
				visitId,
				organisationIds: participantIds(tx, visitId),
				actorId: ctx.actorId,
				payload: {
					title: details.title,
					organisation: '',
					startsOn: details.startsOn,
					endsOn: details.endsOn
				},
				origin: ctx.origin
			});
		}
		return 'ok';
	});
}
