import { sqliteTable, integer, text, check, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { themes } from './themes';

export const organisations = sqliteTable(
	'organisations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull().unique(),
		shortName: text('short_name').notNull().unique(),
		/** ISO 3166-1 alpha-2, upper case. */
		country: text('country').notNull(),
		city: text('city').notNull(),
		/** IANA time zone, e.g. Africa/Ouagadougou. */
		timeZone: text('time_zone').notNull(),
		description: text('description').notNull().default(''),
		isNetworkStaff: integer('is_network_staff', { mode: 'boolean' }).notNull().default(false),
		/** Archived organisations keep their history but are no longer offered in forms. */
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		check('organisations_country_format', sql`${t.country} GLOB '[A-Z][A-Z]'`),
		index('organisations_country_idx').on(t.country)
	]
);

export const organisationThemes = sqliteTable(
	'organisation_themes',
	{
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		themeId: integer('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.themeId] }),
		index('organisation_themes_theme_idx').on(t.themeId)
	]
);
