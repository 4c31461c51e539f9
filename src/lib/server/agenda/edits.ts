// Every change to a programme: computes the programme as it would be, asks rules.ts, then writes
// the whole result in one transaction with its audit event, or returns the refusal and writes
// nothing. `version` refuses stale saves and is the calendar's SEQUENCE.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { agendaItems, visits } from '../db/schema';
import { recordAudit } from '../audit/log';
import type { AuditAction } from '$lib/audit';
import type { SessionInput } from '$lib/schemas/agenda';
import { visitDays } from '$lib/agenda';
import { checkSession, getSession, listAgenda, type AgendaItem } from './programme';
import { refusal, type Change, type Refusal } from './rules';
import { placeInDay } from './moves';

const columns = (input: SessionInput) => ({
	...input,
	leadOrganisationId: input.leadOrganisationId ?? null
});

function audit(
	tx: Tx,
	actorId: number,
	id: number,
	action: AuditAction,
	changes: Record<string, unknown>
) {
	recordAudit(tx, { actorId, entity: 'agenda_item', entityId: id, action, changes });
}

/** The visit's days and its programme as it stands, read inside the writing transaction. */
function programme(tx: Tx, visitId: number) {
	const visit = tx
		.select({ startsOn: visits.startsOn, endsOn: visits.endsOn })
		.from(visits)
		.where(eq(visits.id, visitId))
		.get();
	const days = visit ? visitDays(visit.startsOn, visit.endsOn) : [];
	return { days, rows: listAgenda(tx, visitId) };
}

const judge = (
	days: string[],
	before: AgendaItem[],
	after: Change['after'],
	more: Pick<Change, 'copiedFrom' | 'typed'> = {}
) => refusal({ days, before, after, ...more });

const nextPosition = (rows: AgendaItem[], day: string) =>
	Math.max(-1, ...rows.filter((s) => s.day === day).map((s) => s.position)) + 1;

export const isRefusal = (r: unknown): r is Refusal =>
	typeof r === 'object' && r !== null && 'reason' in r;

/** The new session's id, or why it may not be added. `parallel`: the form's box was ticked. */
export function addSession(
	db: DB,
	actorId: number,
	visitId: number,
	input: SessionInput,
	parallel = false
): number | Refusal {
	return db.transaction((tx) => {
		if (checkSession(tx, visitId, input).leadOrganisationId) return { reason: 'lead' };
		const { days, rows } = programme(tx, visitId);
		const fresh = { id: 0, ...input };
		const refused = judge(days, rows, [...rows, fresh], { typed: new Map([[0, parallel]]) });
		if (refused) return refused;
		const { id } = tx
			.insert(agendaItems)
			.values({
				...columns(input),
				visitId,
				uid: randomUUID(),
				position: nextPosition(rows, input.day)
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

/** Saves if nobody saved since `version` was read ('stale' otherwise), and the rules allow it. */
export function updateSession(
	db: DB,
	actorId: number,
	visitId: number,
	id: number,
	version: number,
	input: SessionInput,
	parallel = false
): 'ok' | 'stale' | 'not_found' | Refusal {
	return db.transaction((tx) => {
		const { days, rows } = programme(tx, visitId);
		const before = rows.find((s) => s.id === id);
		if (!before) return 'not_found';
		if (before.version !== version) return 'stale';
		if (checkSession(tx, visitId, input).leadOrganisationId) return { reason: 'lead' };
		const after = rows.map((s) => (s.id === id ? { ...s, ...input } : s));
		const refused = judge(days, rows, after, { typed: new Map([[id, parallel]]) });
		if (refused) return refused;
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

/** Moves a session to another day, same times; its UID stays so calendars move it too. */
export function moveSession(
	db: DB,
	actorId: number,
	visitId: number,
	id: number,
	day: string
): 'ok' | 'not_found' | Refusal {
	return db.transaction((tx) => {
		const { days, rows } = programme(tx, visitId);
		const session = rows.find((s) => s.id === id);
		if (!session) return 'not_found';
		if (session.day === day) return 'ok';
		const position = nextPosition(rows, day);
		const refused = judge(
			days,
			rows,
			rows.map((s) => (s.id === id ? { ...s, day } : s))
		);
		if (refused) return refused;
		tx.update(agendaItems)
			.set({ day, position, version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
			.where(eq(agendaItems.id, id))
			.run();
		audit(tx, actorId, id, 'moved', { visitId, day });
		return 'ok';
	});
}

function copyIn(tx: Tx, actorId: number, visitId: number, ids: number[], day: string) {
	const { days, rows } = programme(tx, visitId);
	const sources = ids
		.map((id) => rows.find((s) => s.id === id))
		.filter((s): s is AgendaItem => !!s);
	// Copies get ids no row has until they are written, so the rules can tell them apart.
	const copies = sources.map((s, i) => ({ ...s, id: -1 - i, day }));
	const copiedFrom = new Map(copies.map((c, i) => [c.id, sources[i].id]));
	const refused = judge(days, rows, [...rows, ...copies], { copiedFrom });
	if (refused) return refused;
	let position = nextPosition(rows, day);
	return sources.map((source) => {
		const { id, uid: _uid, createdAt: _c, updatedAt: _u, version: _v, ...rest } = source;
		const row = tx
			.insert(agendaItems)
			.values({ ...rest, day, uid: randomUUID(), position: position++ })
			.returning({ id: agendaItems.id })
			.get();
		audit(tx, actorId, row.id, 'created', { visitId, day, copiedFrom: id });
		return row.id;
	});
}

/** Copies sessions to a day; the copies are new events with new UIDs. [] when none exists. */
export function copySessions(db: DB, actorId: number, visitId: number, ids: number[], day: string) {
	return db.transaction((tx) => copyIn(tx, actorId, visitId, ids, day));
}

/** Copies a whole day onto another, read and written in the same transaction. */
export function copyDay(db: DB, actorId: number, visitId: number, from: string, to: string) {
	return db.transaction((tx) => {
		const ids = listAgenda(tx, visitId)
			.filter((s) => s.day === from)
			.map((s) => s.id);
		return copyIn(tx, actorId, visitId, ids, to);
	});
}

/**
 * Puts a session at another place in its day (earlier, later, or where it was dropped); its
 * block of parallel sessions moves with it (see placeInDay), neighbours swap time slots.
 */
export function placeSession(
	db: DB,
	actorId: number,
	visitId: number,
	id: number,
	to: number
): 'ok' | 'not_found' | Refusal {
	return db.transaction((tx) => {
		const session = getSession(tx, visitId, id);
		if (!session) return 'not_found';
		const { days, rows } = programme(tx, visitId);
		const day = rows.filter((s) => s.day === session.day);
		const from = day.findIndex((s) => s.id === id);
		const placed = placeInDay(day, from, to);
		if (!placed) return 'ok';
		const after = rows.map((s) => placed.find((p) => p.id === s.id) ?? s);
		const refused = judge(days, rows, after);
		if (refused) return refused;
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
		const target = Math.max(0, Math.min(day.length - 1, to));
		audit(tx, actorId, id, 'reordered', { visitId, day: session.day, from, to: target });
		return 'ok';
	});
}
