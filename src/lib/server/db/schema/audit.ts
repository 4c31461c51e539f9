import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from './users';

export const auditEvents = sqliteTable(
	'audit_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Null for the system (seeding, scheduled jobs) or a deleted account. */
		actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').notNull(),
		changes: text('changes', { mode: 'json' }).$type<Record<string, unknown>>(),
		at: integer('at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		index('audit_events_entity_idx').on(t.entity, t.entityId, t.at),
		index('audit_events_at_idx').on(t.at),
		index('audit_events_actor_idx').on(t.actorId)
	]
);
