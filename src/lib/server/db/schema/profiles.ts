import { sqliteTable, integer, text, check, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { PRACTICE_KINDS } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';
import { themes } from './themes';

/**
 * An entry of an organisation's profile: a practice it can share (`share`) or something it wants
 * to learn (`learn`). Full-text indexed by `practices_fts` (FTS5, in the same migration), kept in
 * sync by triggers, so finding a peer reads an index rather than every profile.
 */
export const practices = sqliteTable(
	'practices',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: PRACTICE_KINDS }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		index('practices_organisation_idx').on(t.organisationId, t.kind),
		check('practices_kind', oneOf(t.kind, PRACTICE_KINDS)),
		check('practices_title_not_blank', sql`length(trim(${t.title})) > 0`),
		check(
			'practices_text_length',
			sql`length(${t.title}) <= 120 AND length(${t.description}) <= 500`
		)
	]
);

export const practiceThemes = sqliteTable(
	'practice_themes',
	{
		practiceId: integer('practice_id')
			.notNull()
			.references(() => practices.id, { onDelete: 'cascade' }),
		themeId: integer('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.practiceId, t.themeId] }),
		index('practice_themes_theme_idx').on(t.themeId)
	]
);
