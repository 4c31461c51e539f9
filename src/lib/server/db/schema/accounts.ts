import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** Failed sign-ins per account and address, to slow and then refuse password guessing. */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' })
});
