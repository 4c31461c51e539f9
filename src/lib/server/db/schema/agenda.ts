import { sqliteTable, integer, text, check, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { AGENDA_KINDS } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';
import { users } from './users';
import { visits } from './visits';

const DAY = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";
const TIME = "'[0-2][0-9]:[0-5][0-9]'";

/** A session of a visit's programme; times are wall-clock in the visit's time zone. */
export const agendaItems = sqliteTable(
	'agenda_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Stable across edits and moves: calendar re-imports update the event instead of copying it. */
		uid: text('uid').notNull(),
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		day: text('day').notNull(),
		startsAt: text('starts_at').notNull(),
		endsAt: text('ends_at').notNull(),
		kind: text('kind', { enum: AGENDA_KINDS }).notNull(),
		title: text('title').notNull(),
		place: text('place').notNull().default(''),
		leadOrganisationId: integer('lead_organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		leadName: text('lead_name').notNull().default(''),
		notes: text('notes').notNull().default(''),
		/** Order among the day's sessions that start at the same time (parallel tracks). */
		position: integer('position').notNull().default(0),
		/** Bumped on every change: refuses stale saves, and is the iCalendar SEQUENCE. */
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		uniqueIndex('agenda_items_uid_idx').on(t.uid),
		index('agenda_items_visit_day_idx').on(t.visitId, t.day, t.startsAt),
		check('agenda_items_kind', oneOf(t.kind, AGENDA_KINDS)),
		check('agenda_items_day_format', sql`${t.day} GLOB ${sql.raw(DAY)}`),
		check(
			'agenda_items_time_format',
			sql`${t.startsAt} GLOB ${sql.raw(TIME)} AND ${t.endsAt} GLOB ${sql.raw(TIME)} AND ${t.startsAt} < '24:00' AND ${t.endsAt} <= '24:00'`
		),
		check('agenda_items_order', sql`${t.endsAt} > ${t.startsAt}`),
		check('agenda_items_title_not_blank', sql`length(trim(${t.title})) > 0`),
		check('agenda_items_version', sql`${t.version} >= 1`)
	]
);

/** A private calendar subscription: only the token's hash is stored; revoking ends it. */
export const calendarFeeds = sqliteTable(
	'calendar_feeds',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdAt: createdAt(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash),
		index('calendar_feeds_user_idx').on(t.userId)
	]
);
