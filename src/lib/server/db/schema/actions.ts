import { sqliteTable, integer, text, check, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { ACTION_STATUSES } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { lessons } from './lessons';
import { organisations } from './organisations';
import { users } from './users';
import { visits } from './visits';

/** A follow-up action an organisation owns, with a due date and a status. */
export const actions = sqliteTable(
	'actions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		lessonId: integer('lesson_id').references(() => lessons.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		details: text('details').notNull().default(''),
		/** Takes part in the visit (checked when the action is written). */
		ownerOrganisationId: integer('owner_organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		ownerUserId: integer('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
		/** Calendar date (YYYY-MM-DD), in the owner organisation's time zone. */
		dueOn: text('due_on').notNull(),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
		doneAt: integer('done_at', { mode: 'timestamp_ms' }),
		/** Bumped on every change: a form opened before someone else's change is refused. */
		version: integer('version').notNull().default(1),
		createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		// Status beside the visit: per-visit and per-year tallies read the index alone.
		index('actions_visit_status_idx').on(t.visitId, t.status),
		// An organisation's actions in due order, and its tallies from the index alone.
		index('actions_owner_due_idx').on(t.ownerOrganisationId, t.dueOn, t.status),
		// With the owner: the dashboard counts each organisation's overdue actions from the index.
		index('actions_status_due_owner_idx').on(t.status, t.dueOn, t.ownerOrganisationId),
		// Pending actions in due order: "overdue" lists read it in order and stop at a page.
		// Queries must spell the status condition exactly so (PENDING_SQL in actions/tracking.ts).
		index('actions_pending_due_idx')
			.on(t.dueOn)
			.where(sql`${t.status} IN ('open', 'in_progress')`),
		index('actions_lesson_idx').on(t.lessonId),
		// Every action in due order (exports read their sort keys in pages of 5 000 from it).
		index('actions_due_idx').on(t.dueOn, t.id),
		check('actions_status', oneOf(t.status, ACTION_STATUSES)),
		check('actions_due_format', sql`${t.dueOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
		check('actions_title_not_blank', sql`length(trim(${t.title})) > 0`),
		check('actions_version', sql`${t.version} >= 1`)
	]
);

/** The progress log of an action: never edited, so the history is kept. */
export const actionUpdates = sqliteTable(
	'action_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		note: text('note').notNull().default(''),
		/** Set when this update changed the status. */
		fromStatus: text('from_status', { enum: ACTION_STATUSES }),
		toStatus: text('to_status', { enum: ACTION_STATUSES }),
		createdAt: createdAt()
	},
	(t) => [
		index('action_updates_action_idx').on(t.actionId, t.createdAt),
		check(
			'action_updates_status',
			sql`(${t.fromStatus} IS NULL OR ${oneOf(t.fromStatus, ACTION_STATUSES)}) AND (${t.toStatus} IS NULL OR ${oneOf(t.toStatus, ACTION_STATUSES)})`
		),
		check('action_updates_not_empty', sql`length(trim(${t.note})) > 0 OR ${t.toStatus} IS NOT NULL`)
	]
);

/**
 * Reminders already sent, one row per (action, kind): `due_in_7`, `due_today`, `overdue_week_N`.
 * The unique index is what makes "never twice" hold, even across restarts and parallel runs.
 */
export const remindersSent = sqliteTable(
	'reminders_sent',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		uniqueIndex('reminders_sent_action_kind_idx').on(t.actionId, t.kind),
		check(
			'reminders_sent_kind',
			sql`${t.kind} IN ('due_in_7', 'due_today') OR (${t.kind} GLOB 'overdue_week_[1-9]*' AND substr(${t.kind}, 14) NOT GLOB '*[^0-9]*')`
		)
	]
);
