import { sqliteTable, integer, text, check, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { GLOBAL_ROLES, MEMBERSHIP_ROLES } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';
import { users } from './users';

/** Failed sign-ins per account and address, to slow and then refuse password guessing. */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' })
});

export const invitations = sqliteTable(
	'invitations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Hex SHA-256 of the token in the link; the token itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		email: text('email').notNull(),
		/** Null only for the first admin, who belongs to no organisation yet. */
		organisationId: integer('organisation_id').references(() => organisations.id, {
			onDelete: 'cascade'
		}),
		role: text('role', { enum: MEMBERSHIP_ROLES }),
		globalRole: text('global_role', { enum: GLOBAL_ROLES }).notNull().default('member'),
		invitedById: integer('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		check('invitations_role', sql`${t.role} IS NULL OR ${oneOf(t.role, MEMBERSHIP_ROLES)}`),
		check('invitations_global_role', oneOf(t.globalRole, GLOBAL_ROLES)),
		check(
			'invitations_organisation_role',
			sql`(${t.organisationId} IS NULL) = (${t.role} IS NULL)`
		),
		index('invitations_organisation_idx').on(t.organisationId, t.createdAt)
	]
);

/** E-mails to send, and the record of those sent; staff read it at /admin/outbox. */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		to: text('to_address').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		/** The same letter as simple HTML (inline styles, no images); null for older rows. */
		html: text('html'),
		/** The language the mail is written in, sent as Content-Language. */
		locale: text('locale'),
		/** A one-click unsubscribe link (RFC 8058), sent as List-Unsubscribe; digests only. */
		unsubscribeUrl: text('unsubscribe_url'),
		kind: text('kind').notNull(),
		createdAt: createdAt(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error')
	},
	(t) => [index('outbox_pending_idx').on(t.sentAt, t.id)]
);
