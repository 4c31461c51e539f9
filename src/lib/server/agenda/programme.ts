// A visit's programme: sessions on its days, edited by both sides. Each change is one transaction
// with its audit event; `version` refuses stale saves and is the calendar's SEQUENCE.
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { agendaItems, memberships, users, visitOrganisations } from '../db/schema';
import { recordAudit } from '../audit/log';
import type { FieldErrors } from '$lib/schemas/common';
import type { SessionInput } from '$lib/schemas/agenda';
import { MAX_SESSIONS_PER_DAY, reorderDay } from '$lib/agenda';

export type AgendaItem = typeof agendaItems.$inferSelect;

export function listAgenda(db: Tx, visitId: number): AgendaItem[] {
	return db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.visitId, visitId))
		.orderBy(
			asc(agendaItems.day),
			asc(agendaItems.startsAt),
			asc(agendaItems.position),
			asc(agendaItems.id)
		)
		.all();
}

export function getSession(db: Tx, visitId: number, id: number) {
	return db
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
		.get();
}

/** What the form cannot check: the leading organisation takes part in the visit. */
export function checkSession(db: DB, visitId: number, input: SessionInput): FieldErrors {
	if (!input.leadOrganisationId) return {};
	const found = db
		.select({ id: visitOrganisations.organisationId })
		.from(visitOrganisations)
		.where(
			and(
				eq(visitOrganisations.visitId, visitId),
				eq(visitOrganisations.organisationId, input.leadOrganisationId)
			)
		)
		.get();
	return found ? {} : { leadOrganisationId: 'invalid' };
}

const columns = (input: SessionInput) => ({
	...input,
	leadOrganisationId: input.leadOrganisationId ?? null
});

function nextPosition(tx: Tx, visitId: number, day: string) {
	const row = tx
		.select({ p: max(agendaItems.position) })
		.from(agendaItems)
		.where(and(eq(agendaItems.visitId, visitId), eq(agendaItems.day, day)))
		.get();
	return (row?.p ?? -1) + 1;
}

function audit(
	tx: Tx,
	actorId: number,
	id: number,
	action: string,
	changes: Record<string, unknown>
) {
	recordAudit(tx, { actorId, entity: 'agenda_item', entityId: id, action, changes });
}

/** How many more sessions the day can take (a day past the cap makes the page unusable). */
export function roomOnDay(db: Tx, visitId: number, day: string) {
	const row = db
		.select({ n: count() })
		.from(agendaItems)
		.where(and(eq(agendaItems.visitId, visitId), eq(agendaItems.day, day)))
		.get();
	return Math.max(0, MAX_SESSIONS_PER_DAY - (row?.n ?? 0));
}

/** The new session's id, or 'full' when its day already holds the most sessions a day may. */
export function addSession(db: DB, actorId: number, visitId: number, input: SessionInput) {
	return db.transaction((tx) => {
		if (roomOnDay(tx, visitId, input.day) < 1) return 'full' as const;
		const { id } = tx
			.insert(agendaItems)
			.values({
				...columns(input),
				visitId,
				uid: randomUUID(),
				position: nextPosition(tx, visitId, input.day)
			})
			.returning({ id: agendaItems.id })
			.get();
		audit(tx, actorId, id, 'created', {
			visitId,
			day: input.day,
			startsAt: input.startsAt,
			title: input.title
		});
		return id;
	});
}

/** Saves if nobody saved since `version` was read; otherwise 'stale' and nothing is written. */
export function updateSession(
	db: DB,
	actorId: number,
	visitId: number,
	id: number,
	version: number,
	input: SessionInput
): 'ok' | 'stale' | 'not_found' {
	return db.transaction((tx) => {
		const before = tx
			.select()
			.from(agendaItems)
			.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
			.get();
		if (!before) return 'not_found';
		const done = tx
			.update(agendaItems)
			.set({ ...columns(input), version: version + 1, updatedAt: new Date() })
			.where(and(eq(agendaItems.id, id), eq(agendaItems.version, version)))
			.run();
		if (done.changes !== 1) return 'stale';
		const changes = Object.fromEntries(
			Object.entries(columns(input)).filter(([k, v]) => before[k as keyof AgendaItem] !== v)
		);
		audit(tx, actorId, id, 'updated', { visitId, ...changes });
		return 'ok';
	});
}

export function deleteSession(db: DB, actorId: number, visitId: number, id: number) {
	return db.transaction((tx) => {
		const done = tx
			.delete(agendaItems)
			.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
			.returning({ title: agendaItems.title })
			.all();
		if (!done.length) return false;
		audit(tx, actorId, id, 'deleted', { visitId, title: done[0].title });
		return true;
	});
}

/** Moves a session to another day, same times; its UID stays so calendars move it too. */
export function moveSession(db: DB, actorId: number, visitId: number, id: number, day: string) {
	return db.transaction((tx) => {
		const done = tx
			.update(agendaItems)
			.set({
				day,
				position: nextPosition(tx, visitId, day),
				version: sql`${agendaItems.version} + 1`,
				updatedAt: new Date()
			})
			.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
			.run();
		if (done.changes !== 1) return false;
		audit(tx, actorId, id, 'moved', { visitId, day });
		return true;
	});
}

/** Copies sessions (one, or a whole day) to a day; the copies are new events with new UIDs. */
export function copySessions(db: DB, actorId: number, visitId: number, ids: number[], day: string) {
	return db.transaction((tx) => {
		if (ids.length > roomOnDay(tx, visitId, day)) return 'full' as const;
		const copies: number[] = [];
		for (const id of ids) {
			const source = tx
				.select()
				.from(agendaItems)
				.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
				.get();
			if (!source) continue;
			const { id: _old, uid: _uid, createdAt: _c, updatedAt: _u, version: _v, ...rest } = source;
			const row = tx
				.insert(agendaItems)
				.values({ ...rest, day, uid: randomUUID(), position: nextPosition(tx, visitId, day) })
				.returning({ id: agendaItems.id })
				.get();
			audit(tx, actorId, row.id, 'created', { visitId, day, copiedFrom: id });
			copies.push(row.id);
		}
		return copies;
	});
}

/**
 * Puts a session at another place in its day (up, down, or where it was dropped): sessions swap
 * time slots and keep their length. 'full' when the day would run past midnight.
 */
export function placeSession(
	db: DB,
	actorId: number,
	visitId: number,
	id: number,
	to: number
): 'ok' | 'full' | 'not_found' {
	return db.transaction((tx) => {
		const session = getSession(tx, visitId, id);
		if (!session) return 'not_found';
		const day = listAgenda(tx, visitId).filter((s) => s.day === session.day);
		const from = day.findIndex((s) => s.id === id);
		const target = Math.max(0, Math.min(day.length - 1, to));
		if (from === target) return 'ok';
		const placed = reorderDay(day, from, target);
		if (!placed) return 'full';
		for (const p of placed) {
			const before = day.find((s) => s.id === p.id)!;
			const retimed = before.startsAt !== p.startsAt || before.endsAt !== p.endsAt;
			if (!retimed && before.position === p.position) continue;
			// Only a new time is news for calendars and for someone editing the session.
			const bump = retimed
				? { version: sql`${agendaItems.version} + 1`, updatedAt: new Date() }
				: {};
			tx.update(agendaItems)
				.set({ startsAt: p.startsAt, endsAt: p.endsAt, position: p.position, ...bump })
				.where(eq(agendaItems.id, p.id))
				.run();
		}
		audit(tx, actorId, id, 'reordered', { visitId, day: session.day, from, to: target });
		return 'ok';
	});
}

type ContactOrganisation = { organisationId: number; name: string } | undefined;

/**
 * Whom a printed programme names to call: the host's active coordinators, else (a meeting
 * whose host has no account yet) the proposer's, since someone on paper must answer the phone.
 */
export function programmeContacts(
	db: DB,
	visit: { host?: ContactOrganisation; proposer?: ContactOrganisation }
) {
	for (const org of [visit.host, visit.proposer]) {
		if (!org) continue;
		const people = db
			.select({ name: users.name, email: users.email })
			.from(memberships)
			.innerJoin(users, eq(memberships.userId, users.id))
			.where(
				and(
					eq(memberships.organisationId, org.organisationId),
					eq(memberships.role, 'coordinator'),
					eq(users.disabled, false)
				)
			)
			.orderBy(asc(users.name))
			.all();
		if (people.length) return { organisation: org.name, people };
	}
	return undefined;
}
