import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { preparedOnce } from '../db/prepared';
import type { DB, Tx } from '../db';
import { auditEvents, users } from '../db/schema';
import type { AuditAction, AuditEntity } from '$lib/audit';

export type AuditEntry = {
	actorId: number | null;
	entity: AuditEntity;
	entityId: string | number;
	/** A code with its words in $lib/audit.ts, which the audit page shows. */
	action: AuditAction;
	changes?: Record<string, unknown>;
	/** Defaults to now; set when recording a past event (demo history). */
	at?: Date;
};

/** Appends to the audit log; call it inside the transaction that makes the change. */
export function recordAudit(db: Tx, entry: AuditEntry) {
	db.insert(auditEvents)
		.values({ ...entry, entityId: String(entry.entityId), changes: entry.changes ?? null })
		.run();
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
	entity?: string;
	entityId?: string;
	actorId?: number;
	action?: string;
	/** Calendar days (YYYY-MM-DD, UTC), both included. */
	from?: string;
	to?: string;
	page?: number;
};

const dayStart = (day: string, plusDays = 0) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000);

/** One page of the audit log, newest first, with who did each thing. */
export function listAudit(db: DB, filter: AuditFilter = {}) {
	const conditions: (SQL | undefined)[] = [
		filter.entity ? eq(auditEvents.entity, filter.entity) : undefined,
		filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
		filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
		filter.action ? eq(auditEvents.action, filter.action) : undefined,
		filter.from ? gte(auditEvents.at, dayStart(filter.from)) : undefined,
		filter.to ? lt(auditEvents.at, dayStart(filter.to, 1)) : undefined
	];
	const where = and(...conditions);
	const total = db.select({ n: count() }).from(auditEvents).where(where).get()!.n;
	const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
	const page = Math.min(Math.max(1, filter.page ?? 1), pages);
	const events = db
		.select({
			id: auditEvents.id,
			at: auditEvents.at,
			entity: auditEvents.entity,
			entityId: auditEvents.entityId,
			action: auditEvents.action,
			changes: auditEvents.changes,
			actorId: auditEvents.actorId,
			actorName: users.name
		})
		.from(auditEvents)
		.leftJoin(users, eq(auditEvents.actorId, users.id))
		.where(where)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.all();
	return { events, total, page, pages };
}

/** The values the filters offer: what the log actually contains. */
export function auditFacets(db: DB) {
	const entities = db
		.selectDistinct({ v: auditEvents.entity })
		.from(auditEvents)
		.orderBy(auditEvents.entity)
		.all()
		.map((r) => r.v);
	const actions = db
		.selectDistinct({ v: auditEvents.action })
		.from(auditEvents)
		.orderBy(auditEvents.action)
		.all()
		.map((r) => r.v);
	return { entities, actions };
}

const history = preparedOnce((db: DB) =>
	db
		.select({
			id: auditEvents.id,
			at: auditEvents.at,
			action: auditEvents.action,
			changes: auditEvents.changes,
			actorName: users.name
		})
		.from(auditEvents)
		.leftJoin(users, eq(auditEvents.actorId, users.id))
		.where(
			and(
				eq(auditEvents.entity, sql.placeholder('entity')),
				eq(auditEvents.entityId, sql.placeholder('entityId'))
			)
		)
		.orderBy(auditEvents.at, auditEvents.id)
		.prepare()
);

/** Everything that happened to one record, oldest first: the timeline on its page. */
export function entityHistory(db: DB, entity: string, entityId: string | number) {
	return history(db).all({ entity, entityId: String(entityId) });
}
