import { sqliteTable, integer, text, index, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';

/**
 * Writes already done, by the key the device gave them: a retry after a lost answer (a phone
 * that sent its queued sheet and lost the connection before the reply) replays `result` instead
 * of writing twice. Keys are scoped to their owner (`u:{userId}` or `l:{responseId}` for a
 * private link), so nobody can replay or block another person's write. Expired after 30 days.
 */
export const idempotencyKeys = sqliteTable(
	'idempotency_keys',
	{
		owner: text('owner').notNull(),
		key: text('key').notNull(),
		/** What the key was used for, e.g. `evaluation.sheet:12`: the same key elsewhere is refused. */
		what: text('what').notNull(),
		/** The outcome to replay, as JSON. */
		result: text('result').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.owner, t.key] }),
		index('idempotency_keys_created_idx').on(t.createdAt),
		check('idempotency_keys_key_shape', sql`length(${t.key}) BETWEEN 16 AND 64`)
	]
);
