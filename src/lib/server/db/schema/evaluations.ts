import {
	sqliteTable,
	integer,
	text,
	check,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { QUESTION_KINDS } from '../../../enums';
import { createdAt, oneOf } from './columns';
import { delegates } from './delegations';
import { organisations } from './organisations';
import { users } from './users';
import { visits } from './visits';

/** The longest open answer (as in the evaluation zod schema): a generous page. */
export const ANSWER_TEXT_MAX = 5_000;

/**
 * One version of the network's evaluation sheet. Versions are never edited once written: saving
 * the template writes a new version, and an evaluation keeps the version it was opened with, so
 * sheets already answered never change under their answers.
 */
export const evaluationTemplates = sqliteTable(
	'evaluation_templates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		version: integer('version').notNull(),
		createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('evaluation_templates_version_idx').on(t.version)]
);

export const evaluationQuestions = sqliteTable(
	'evaluation_questions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		templateId: integer('template_id')
			.notNull()
			.references(() => evaluationTemplates.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** Stable across versions for the questions compared between visits, e.g. `overall`. */
		code: text('code'),
		kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
		required: integer('required', { mode: 'boolean' }).notNull().default(false),
		textFr: text('text_fr').notNull(),
		textEn: text('text_en').notNull(),
		textEs: text('text_es').notNull(),
		textAr: text('text_ar').notNull(),
		/** For `choice`: JSON array of `{ fr, en, es, ar }`; answers store the option's index. */
		choices: text('choices', { mode: 'json' }).$type<Record<'fr' | 'en' | 'es' | 'ar', string>[]>()
	},
	(t) => [
		uniqueIndex('evaluation_questions_position_idx').on(t.templateId, t.position),
		uniqueIndex('evaluation_questions_code_idx').on(t.templateId, t.code),
		check('evaluation_questions_kind', oneOf(t.kind, QUESTION_KINDS)),
		check(
			'evaluation_questions_choices',
			sql`(${t.kind} = 'choice') = (${t.choices} IS NOT NULL AND json_array_length(${t.choices}) >= 2)`
		)
	]
);

/** A visit's evaluation, opened by a coordinator or staff with the template current then. */
export const evaluations = sqliteTable(
	'evaluations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		templateId: integer('template_id')
			.notNull()
			.references(() => evaluationTemplates.id, { onDelete: 'restrict' }),
		/** Names hidden from the other organisation in the results. */
		anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
		openedById: integer('opened_by_id').references(() => users.id, { onDelete: 'set null' }),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [uniqueIndex('evaluations_visit_idx').on(t.visitId)]
);

/**
 * One delegate's sheet. The private link's token is stored only as its SHA-256. Status is read
 * off the timestamps: not sent → sent → opened → draft (saved) → submitted (locked).
 */
export const evaluationResponses = sqliteTable(
	'evaluation_responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => evaluations.id, { onDelete: 'cascade' }),
		delegateId: integer('delegate_id').references(() => delegates.id, { onDelete: 'set null' }),
		/** Copied from the delegate so results survive the delegate's removal. */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		respondentName: text('respondent_name').notNull(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		tokenHash: text('token_hash').notNull(),
		tokenExpiresAt: integer('token_expires_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }),
		savedAt: integer('saved_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		/** Last reminder of any kind (the one-click reminder waits 24 h after it). */
		remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
		/** Automatic reminders sent: 0, 1 (3 days after opening) or 2 (7 days). */
		autoReminders: integer('auto_reminders').notNull().default(0),
		/** Raised by every save: a form opened at an older version is a conflict, not an overwrite. */
		version: integer('version').notNull().default(1),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('evaluation_responses_token_idx').on(t.tokenHash),
		uniqueIndex('evaluation_responses_delegate_idx').on(t.evaluationId, t.delegateId),
		index('evaluation_responses_user_idx').on(t.userId),
		index('evaluation_responses_org_idx').on(t.organisationId),
		check('evaluation_responses_auto_reminders', sql`${t.autoReminders} BETWEEN 0 AND 2`),
		check('evaluation_responses_name_not_blank', sql`length(trim(${t.respondentName})) > 0`)
	]
);

export const evaluationAnswers = sqliteTable(
	'evaluation_answers',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => evaluationResponses.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => evaluationQuestions.id, { onDelete: 'restrict' }),
		/** rating: 1–5; yes_no: 0 or 1; choice: the option's index. */
		value: integer('value'),
		text: text('text')
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.questionId] }),
		index('evaluation_answers_question_idx').on(t.questionId),
		check('evaluation_answers_one_value', sql`(${t.value} IS NULL) <> (${t.text} IS NULL)`),
		check(
			'evaluation_answers_text_length',
			sql`${t.text} IS NULL OR length(${t.text}) <= ${sql.raw(String(ANSWER_TEXT_MAX))}`
		)
	]
);
