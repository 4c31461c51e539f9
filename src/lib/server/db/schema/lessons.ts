import { sqliteTable, integer, text, check, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { LESSON_VISIBILITIES } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';
import { themes } from './themes';
import { users } from './users';
import { visits } from './visits';

/** The longest text a lesson field may hold (as in schemas/lesson.ts): a page or two. */
const LESSON_TEXT_MAX = 20_000;

/**
 * What one organisation learned on a visit. Full-text indexed by `lessons_fts` (FTS5, custom
 * migration `lessons_fts`), kept in sync by triggers, so every write path is covered.
 */
export const lessons = sqliteTable(
	'lessons',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		/** The organisation that learned it (takes part in the visit). */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		observed: text('observed').notNull().default(''),
		adaptation: text('adaptation').notNull().default(''),
		visibility: text('visibility', { enum: LESSON_VISIBILITIES }).notNull().default('network'),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** Raised by every edit: a form opened at an older version is a conflict, not an overwrite. */
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		index('lessons_visit_idx').on(t.visitId),
		index('lessons_organisation_idx').on(t.organisationId),
		check('lessons_visibility', oneOf(t.visibility, LESSON_VISIBILITIES)),
		check('lessons_title_not_blank', sql`length(trim(${t.title})) > 0`),
		check(
			'lessons_text_length',
			sql`length(${t.title}) <= 200 AND length(${t.observed}) <= ${sql.raw(String(LESSON_TEXT_MAX))} AND length(${t.adaptation}) <= ${sql.raw(String(LESSON_TEXT_MAX))}`
		)
	]
);

export const lessonThemes = sqliteTable(
	'lesson_themes',
	{
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		themeId: integer('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'restrict' })
	},
	(t) => [
		primaryKey({ columns: [t.lessonId, t.themeId] }),
		index('lesson_themes_theme_idx').on(t.themeId)
	]
);

/**
 * A document attached to a lesson. The bytes live in a file named by their SHA-256 under the
 * data folder (one copy however many lessons share it); this row says who may fetch it.
 */
export const attachments = sqliteTable(
	'attachments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedById: integer('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('attachments_lesson_idx').on(t.lessonId),
		index('attachments_sha256_idx').on(t.sha256),
		check('attachments_size', sql`${t.size} > 0`),
		check(
			'attachments_sha256_format',
			sql`length(${t.sha256}) = 64 AND ${t.sha256} NOT GLOB '*[^0-9a-f]*'`
		),
		check('attachments_filename_not_blank', sql`length(trim(${t.filename})) > 0`)
	]
);
