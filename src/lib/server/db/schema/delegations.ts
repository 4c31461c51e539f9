import { sqliteTable, integer, text, check, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import {
	ACCOMMODATION_STATUSES,
	DATE_PROPOSAL_STATUSES,
	NOTIFICATION_DELIVERIES,
	NOTIFICATION_KINDS,
	NOTIFICATION_TOPICS,
	TRAVEL_STATUSES,
	VISA_STATUSES
} from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';
import { users } from './users';
import { visits } from './visits';

const LOCAL_DATE_TIME = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'";

export const delegates = sqliteTable(
	'delegates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		function: text('function').notNull().default(''),
		email: text('email'),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		/** Wall-clock "YYYY-MM-DDTHH:MM" in the visit's time zone, as on a ticket. */
		arrivesAt: text('arrives_at'),
		departsAt: text('departs_at'),
		travel: text('travel', { enum: TRAVEL_STATUSES }).notNull().default('to_book'),
		visa: text('visa', { enum: VISA_STATUSES }).notNull().default('not_needed'),
		accommodation: text('accommodation', { enum: ACCOMMODATION_STATUSES })
			.notNull()
			.default('to_arrange'),
		/** Dietary or access needs, as the delegate put them. */
		needs: text('needs').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [
		index('delegates_visit_idx').on(t.visitId, t.organisationId),
		index('delegates_user_idx').on(t.userId),
		check('delegates_travel', oneOf(t.travel, TRAVEL_STATUSES)),
		check('delegates_visa', oneOf(t.visa, VISA_STATUSES)),
		check('delegates_accommodation', oneOf(t.accommodation, ACCOMMODATION_STATUSES)),
		check('delegates_name_not_blank', sql`length(trim(${t.name})) > 0`),
		check(
			'delegates_times_format',
			sql`(${t.arrivesAt} IS NULL OR ${t.arrivesAt} GLOB ${sql.raw(LOCAL_DATE_TIME)}) AND (${t.departsAt} IS NULL OR ${t.departsAt} GLOB ${sql.raw(LOCAL_DATE_TIME)})`
		),
		check(
			'delegates_times_order',
			sql`${t.arrivesAt} IS NULL OR ${t.departsAt} IS NULL OR ${t.departsAt} >= ${t.arrivesAt}`
		)
	]
);

/** Other dates put forward by one side; the other side accepts or rejects them. */
export const dateProposals = sqliteTable(
	'date_proposals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		note: text('note').notNull().default(''),
		status: text('status', { enum: DATE_PROPOSAL_STATUSES }).notNull().default('open'),
		createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('date_proposals_visit_idx').on(t.visitId, t.status),
		check('date_proposals_status', oneOf(t.status, DATE_PROPOSAL_STATUSES)),
		check('date_proposals_order', sql`${t.endsOn} >= ${t.startsOn}`)
	]
);

export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		visitId: integer('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
		/** What the message needs to be written in the reader's language at display time. */
		payload: text('payload', { mode: 'json' }).$type<Record<string, string | number>>().notNull(),
		createdAt: createdAt(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** How it was routed when written (the reader's preference then); null before 0014. */
		delivery: text('delivery', { enum: NOTIFICATION_DELIVERIES }),
		/** When a daily digest carried it (or the digest was switched off); null while waiting. */
		digestedAt: integer('digested_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt),
		// What the digest job reads every quarter of an hour: only the waiting rows.
		index('notifications_digest_idx')
			.on(t.userId, t.createdAt)
			.where(sql`${t.delivery} = 'digest' AND ${t.digestedAt} IS NULL`),
		check('notifications_kind', oneOf(t.kind, NOTIFICATION_KINDS)),
		check(
			'notifications_delivery',
			sql`${t.delivery} IS NULL OR ${oneOf(t.delivery, NOTIFICATION_DELIVERIES)}`
		)
	]
);

/** A person's choice of delivery for one topic; no row means the topic's default. */
export const notificationPreferences = sqliteTable(
	'notification_preferences',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		topic: text('topic', { enum: NOTIFICATION_TOPICS }).notNull(),
		delivery: text('delivery', { enum: NOTIFICATION_DELIVERIES }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.topic] }),
		check('notification_preferences_topic', oneOf(t.topic, NOTIFICATION_TOPICS)),
		check('notification_preferences_delivery', oneOf(t.delivery, NOTIFICATION_DELIVERIES))
	]
);

/**
 * Keys the server signs links with (the digest's unsubscribe link), made once at random and kept
 * here so every server and `npm run jobs` sign alike and links outlive restarts.
 */
export const signingKeys = sqliteTable('signing_keys', {
	name: text('name').primaryKey(),
	key: text('key').notNull(),
	createdAt: createdAt()
});

/**
 * Work a scheduled job has done, one row per (job, key): a job checks here before acting, so a
 * restart or a second run never repeats it (a reminder is never sent twice).
 */
export const jobMarks = sqliteTable(
	'job_marks',
	{
		job: text('job').notNull(),
		key: text('key').notNull(),
		doneAt: integer('done_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.job, t.key] })]
);
