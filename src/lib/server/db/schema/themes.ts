import { sqliteTable, integer, text, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const themes = sqliteTable(
	'themes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		nameFr: text('name_fr').notNull(),
		nameEn: text('name_en').notNull(),
		nameEs: text('name_es').notNull(),
		nameAr: text('name_ar').notNull()
	},
	(t) => [check('themes_slug_format', sql`${t.slug} GLOB '[a-z0-9-]*' AND length(${t.slug}) > 0`)]
);
