import type { Tx } from './db';
import { auditEvents } from './db/schema';

export type AuditEntry = {
	actorId: number | null;
	entity: string;
	entityId: string | number;
	action: string;
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
