import {
	sqliteTable,
	integer,
	text,
	check,
	index,
	primaryKey,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { GLOBAL_ROLES, LOCALES, MEMBERSHIP_ROLES } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Stored as typed; uniqueness and look-ups ignore case. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		preferredLocale: text('preferred_locale', { enum: LOCALES }),
		timeZone: text('time_zone'),
		globalRole: text('global_role', { enum: GLOBAL_ROLES }).notNull().default('member'),
		disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
		check('users_global_role', oneOf(t.globalRole, GLOBAL_ROLES)),
		check(
			'users_preferred_locale',
			sql`${t.preferredLocale} IS NULL OR ${oneOf(t.preferredLocale, LOCALES)}`
		),
		check('users_email_format', sql`${t.email} LIKE '%_@_%'`)
	]
);

export const memberships = sqliteTable(
	'memberships',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		role: text('role', { enum: MEMBERSHIP_ROLES }).notNull().default('member'),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.organisationId] }),
		index('memberships_organisation_idx').on(t.organisationId),
		check('memberships_role', oneOf(t.role, MEMBERSHIP_ROLES))
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** Hex SHA-256 of the token in the cookie: a stolen database yields no usable session. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** Shown in the account's list of sessions so people recognise their devices. */
		userAgent: text('user_agent'),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]
);
