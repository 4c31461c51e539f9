import { sqliteTable, integer, text, check, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { VISIT_KINDS, VISIT_ORG_RESPONSES, VISIT_ORG_ROLES, VISIT_STATUSES } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { organisations } from './organisations';
import { themes } from './themes';
import { users } from './users';

export const visits = sqliteTable(
	'visits',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		kind: text('kind', { enum: VISIT_KINDS }).notNull().default('exchange'),
		status: text('status', { enum: VISIT_STATUSES }).notNull().default('draft'),
		objectives: text('objectives').notNull().default(''),
		hostOrganisationId: integer('host_organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		/** Whose coordinator sends the draft; the counterpart answers. */
		proposerOrganisationId: integer('proposer_organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		/** Calendar dates (YYYY-MM-DD) in the visit's time zone. */
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		timeZone: text('time_zone').notNull(),
		place: text('place').notNull().default(''),
		/** ISO 639-1 codes of the working languages. */
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		expectedSize: integer('expected_size'),
		/** Why the visit was cancelled or declined, in the words of whoever did it. */
		statusReason: text('status_reason'),
		/** Bumped on every edit; an update naming an older version is refused. */
		version: integer('version').notNull().default(1),
		createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		check('visits_kind', oneOf(t.kind, VISIT_KINDS)),
		check('visits_status', oneOf(t.status, VISIT_STATUSES)),
		check('visits_dates_order', sql`${t.endsOn} >= ${t.startsOn}`),
		check(
			'visits_dates_format',
			sql`${t.startsOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND ${t.endsOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
		),
		check('visits_expected_size', sql`${t.expectedSize} IS NULL OR ${t.expectedSize} > 0`),
		check('visits_version', sql`${t.version} >= 1`),
		check('visits_title_not_blank', sql`length(trim(${t.title})) > 0`),
		index('visits_starts_on_idx').on(t.startsOn),
		index('visits_status_starts_on_idx').on(t.status, t.startsOn),
		// The dashboard's "ended without follow-up", latest first, one status at a time.
		index('visits_status_ends_on_idx').on(t.status, t.endsOn),
		index('visits_host_idx').on(t.hostOrganisationId),
		// A host's visits newest first (its profile), a page at a time without sorting them all.
		index('visits_host_starts_idx').on(t.hostOrganisationId, t.startsOn, t.id),
		index('visits_proposer_idx').on(t.proposerOrganisationId)
	]
);

export const visitOrganisations = sqliteTable(
	'visit_organisations',
	{
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		role: text('role', { enum: VISIT_ORG_ROLES }).notNull(),
		response: text('response', { enum: VISIT_ORG_RESPONSES }).notNull().default('invited'),
		/** Why the organisation declined, in its own words. */
		reason: text('reason'),
		respondedAt: integer('responded_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.visitId, t.organisationId] }),
		index('visit_organisations_organisation_idx').on(t.organisationId, t.visitId),
		// Who visited whom (the dashboard's graph), from the index alone.
		index('visit_organisations_graph_idx').on(t.role, t.response, t.organisationId, t.visitId),
		check('visit_organisations_role', oneOf(t.role, VISIT_ORG_ROLES)),
		check('visit_organisations_response', oneOf(t.response, VISIT_ORG_RESPONSES)),
		check(
			'visit_organisations_declined_reason',
			sql`${t.response} <> 'declined' OR length(trim(coalesce(${t.reason}, ''))) > 0`
		)
	]
);

export const visitThemes = sqliteTable(
	'visit_themes',
	{
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		themeId: integer('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'restrict' })
	},
	(t) => [
		primaryKey({ columns: [t.visitId, t.themeId] }),
		index('visit_themes_theme_idx').on(t.themeId)
	]
);
