// Reading follow-up actions: owned by an organisation taking part in the visit, with a due date, a
// status and a progress log that is only ever appended to (written in changes.ts). An action that
// came from a `participants` lesson is as private as that lesson (`actionVisibleTo`).
import { and, asc, eq, exists, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { addDays, format, parseISO } from 'date-fns';
import type { DB, Tx } from '../db';
import {
	actionUpdates,
	actions,
	lessonThemes,
	lessons,
	organisations,
	users,
	visitOrganisations,
	visitThemes,
	visits
} from '../db/schema';
import { cappedPages } from '../db/counts';
import { keysetRows, type KeysetOptions } from '../exports/pages';
import { qualified as q } from '../db/schema/columns';
import type { Viewer } from '../lessons/record';
import type { ActionStatus } from '$lib/enums';

export const ACTIONS_PAGE_SIZE = 25;
/** Still to be done: what "overdue" and reminders are about. */
export const PENDING: ActionStatus[] = ['open', 'in_progress'];
/**
 * The same condition as literal SQL: SQLite uses the partial index `actions_pending_due_idx` only
 * when the query spells its WHERE clause with constants, not bound parameters.
 */
export const PENDING_SQL = sql.raw(`"actions"."status" IN ('open', 'in_progress')`);

export function actionVisibleTo(viewer: Viewer): SQL | undefined {
	if (viewer === null) return undefined;
	return or(
		sql`${q(actions.lessonId)} IS NULL`,
		exists(
			sql`(SELECT 1 FROM ${lessons} WHERE ${q(lessons.id)} = ${q(actions.lessonId)} AND ${q(lessons.visibility)} = 'network')`
		),
		exists(
			sql`(SELECT 1 FROM ${visitOrganisations} WHERE ${q(visitOrganisations.visitId)} = ${q(actions.visitId)} AND ${q(visitOrganisations.response)} <> 'declined' AND ${q(visitOrganisations.organisationId)} IN (${sql.join(
				(viewer.length ? viewer : [0]).map((id) => sql`${id}`),
				sql`, `
			)}))`
		)
	);
}

export type ActionFilter = {
	status?: ActionStatus;
	organisationId?: number;
	/** Owned by any of these ([] matches none): the organisation filter's matches. */
	organisationIds?: number[];
	visitId?: number;
	themeId?: number;
	overdue?: boolean;
	/** Due within this many days from today (pending ones only). */
	dueWithin?: number;
	page?: number;
	viewer: Viewer;
	/** YYYY-MM-DD: what "overdue" is measured against. */
	today: string;
};

function actionConditions(f: ActionFilter): SQL | undefined {
	return and(
		actionVisibleTo(f.viewer),
		f.status ? eq(actions.status, f.status) : undefined,
		f.organisationId ? eq(actions.ownerOrganisationId, f.organisationId) : undefined,
		f.organisationIds
			? inArray(actions.ownerOrganisationId, f.organisationIds.length ? f.organisationIds : [0])
			: undefined,
		f.visitId ? eq(actions.visitId, f.visitId) : undefined,
		f.themeId
			? or(
					exists(
						sql`(SELECT 1 FROM ${lessonThemes} WHERE ${q(lessonThemes.lessonId)} = ${q(actions.lessonId)} AND ${q(lessonThemes.themeId)} = ${f.themeId})`
					),
					exists(
						sql`(SELECT 1 FROM ${visitThemes} WHERE ${q(visitThemes.visitId)} = ${q(actions.visitId)} AND ${q(visitThemes.themeId)} = ${f.themeId})`
					)
				)
			: undefined,
		f.overdue ? and(PENDING_SQL, lt(actions.dueOn, f.today)) : undefined,
		f.dueWithin
			? and(
					PENDING_SQL,
					gte(actions.dueOn, f.today),
					lte(actions.dueOn, format(addDays(parseISO(f.today), f.dueWithin), 'yyyy-MM-dd'))
				)
			: undefined
	);
}

const owner = alias(users, 'owner');

function selectActions(db: Tx) {
	return db
		.select({
			id: actions.id,
			title: actions.title,
			details: actions.details,
			status: actions.status,
			dueOn: actions.dueOn,
			doneAt: actions.doneAt,
			version: actions.version,
			visitId: actions.visitId,
			visitTitle: visits.title,
			lessonId: actions.lessonId,
			lessonTitle: lessons.title,
			ownerOrganisationId: actions.ownerOrganisationId,
			ownerOrganisation: organisations.name,
			ownerUserId: actions.ownerUserId,
			ownerName: owner.name,
			createdAt: actions.createdAt,
			updatedAt: actions.updatedAt
		})
		.from(actions)
		.innerJoin(visits, eq(actions.visitId, visits.id))
		.innerJoin(organisations, eq(actions.ownerOrganisationId, organisations.id))
		.leftJoin(lessons, eq(actions.lessonId, lessons.id))
		.leftJoin(owner, eq(actions.ownerUserId, owner.id));
}

const ORDER = [asc(actions.dueOn), asc(actions.id)];

/** One page of actions, soonest due first. */
export function listActions(db: DB, filter: ActionFilter) {
	const where = actionConditions(filter);
	const { total, more, pages, page } = cappedPages(
		db,
		actions,
		where,
		filter.page,
		ACTIONS_PAGE_SIZE
	);
	const items = selectActions(db)
		.where(where)
		.orderBy(...ORDER)
		.limit(ACTIONS_PAGE_SIZE)
		.offset((page - 1) * ACTIONS_PAGE_SIZE)
		.all();
	return { items, total, more, page, pages };
}

/** How many rows an export gives at most: a spreadsheet, not a dump of the network. */
export const ACTIONS_EXPORT_MAX = 10_000;

/** Sort keys read per query of an export, and rows read per batch of those keys. */
const EXPORT_KEY_PAGE = 5_000;
const EXPORT_ROW_BATCH = 500;

/**
 * Every action the filter selects, soonest due first (the CSV and .xlsx exports), read lazily:
 * the sort keys (due_on, id) a page of 5 000 at a time from the actions table alone (one index
 * scan and sort each: on the joined rows that took seconds at 400 000 actions), then the rows
 * with their visit, lesson and owner 500 at a time. Memory holds a page of keys and a batch.
 */
export function* exportActions(
	db: DB,
	filter: Omit<ActionFilter, 'page'>,
	{ max = ACTIONS_EXPORT_MAX, pageSize = EXPORT_KEY_PAGE }: KeysetOptions = {}
) {
	const where = actionConditions(filter);
	type Key = { dueOn: string; id: number };
	const keyPage = (after: Key | null, limit: number): Key[] =>
		db
			.select({ dueOn: actions.dueOn, id: actions.id })
			.from(actions)
			.where(
				and(
					where,
					after ? sql`(${actions.dueOn}, ${actions.id}) > (${after.dueOn}, ${after.id})` : undefined
				)
			)
			.orderBy(...ORDER)
			.limit(limit)
			.all();
	const rowsOf = (ids: number[]) => {
		const byId = new Map(
			selectActions(db)
				.where(inArray(actions.id, ids))
				.all()
				.map((row) => [row.id, row])
		);
		// In the keys' order; an action deleted since its key was read is left out.
		return ids.flatMap((id) => byId.get(id) ?? []);
	};
	let batch: number[] = [];
	for (const key of keysetRows(keyPage, (k) => k, { pageSize, max })) {
		batch.push(key.id);
		if (batch.length < EXPORT_ROW_BATCH) continue;
		yield* rowsOf(batch);
		batch = [];
	}
	if (batch.length) yield* rowsOf(batch);
}

export function actionsOfVisit(db: Tx, visitId: number, viewer: Viewer) {
	return selectActions(db)
		.where(and(eq(actions.visitId, visitId), actionVisibleTo(viewer)))
		.orderBy(...ORDER)
		.all();
}

/** An action if the viewer may see it (undefined otherwise: the route answers 404). */
export function getAction(db: Tx, id: number, viewer: Viewer) {
	return selectActions(db)
		.where(and(eq(actions.id, id), actionVisibleTo(viewer)))
		.get();
}

export function actionHistory(db: Tx, actionId: number) {
	return db
		.select({
			id: actionUpdates.id,
			note: actionUpdates.note,
			fromStatus: actionUpdates.fromStatus,
			toStatus: actionUpdates.toStatus,
			createdAt: actionUpdates.createdAt,
			author: users.name
		})
		.from(actionUpdates)
		.leftJoin(users, eq(actionUpdates.authorId, users.id))
		.where(eq(actionUpdates.actionId, actionId))
		.orderBy(asc(actionUpdates.createdAt), asc(actionUpdates.id))
		.all();
}
