// Writing follow-up actions: creating and editing them (owner, due date, the lesson they came
// from, checked against the visit) and appending to their progress log. Reading them:
// tracking.ts.
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { actionUpdates, actions, lessons, memberships } from '../db/schema';
import { recordAudit } from '../audit/log';
import { takesPartIn } from '../lessons/record';
import type { ActionStatus } from '$lib/enums';
import type { ActionField, ActionInput } from '$lib/schemas/lesson';

type Checked = { ok: true } | { ok: false; field: ActionField };
/** Today where the person is, and whether they already said "save anyway" to a passed date. */
export type DueCheck = { today: string; confirmed: boolean };

/**
 * An action already due when it is written down: recording one that is late is real use, but
 * more often a slip of the date, so it is saved only once the person confirmed. Asked when an
 * action is created and when an edit moves its due date, never for a date that stays.
 */
export const pastDue = (dueOn: string, { today, confirmed }: DueCheck) =>
	!confirmed && dueOn < today;

/** The rules a form cannot check alone: owner, owner person and lesson belong to this visit. */
function checkAction(tx: Tx, visitId: number, input: ActionInput): Checked {
	if (!takesPartIn(tx, visitId, input.ownerOrganisationId)) {
		return { ok: false, field: 'ownerOrganisationId' };
	}
	if (input.ownerUserId) {
		const member = tx
			.select({ id: memberships.userId })
			.from(memberships)
			.where(
				and(
					eq(memberships.userId, input.ownerUserId),
					eq(memberships.organisationId, input.ownerOrganisationId)
				)
			)
			.get();
		if (!member) return { ok: false, field: 'ownerUserId' };
	}
	if (input.lessonId) {
		const lesson = tx
			.select({ id: lessons.id })
			.from(lessons)
			.where(and(eq(lessons.id, input.lessonId), eq(lessons.visitId, visitId)))
			.get();
		if (!lesson) return { ok: false, field: 'lessonId' };
	}
	return { ok: true };
}

export function createAction(
	db: DB,
	actorId: number | null,
	visitId: number,
	input: ActionInput,
	due: DueCheck
): { ok: false; field: ActionField; past?: true } | { ok: true; id: number } {
	if (pastDue(input.dueOn, due)) return { ok: false, field: 'dueOn', past: true };
	return db.transaction((tx) => {
		const checked = checkAction(tx, visitId, input);
		if (!checked.ok) return checked;
		const { id } = tx
			.insert(actions)
			.values({
				visitId,
				lessonId: input.lessonId ?? null,
				title: input.title,
				details: input.details,
				ownerOrganisationId: input.ownerOrganisationId,
				ownerUserId: input.ownerUserId ?? null,
				dueOn: input.dueOn,
				createdById: actorId
			})
			.returning({ id: actions.id })
			.get();
		recordAudit(tx, {
			actorId,
			entity: 'action',
			entityId: id,
			action: 'created',
			changes: { visitId, title: input.title, dueOn: input.dueOn }
		});
		return { ok: true as const, id };
	});
}

/** Changes an action's terms; an edit made from a stale page is refused (`stale`). */
export function editAction(
	db: DB,
	actorId: number | null,
	current: { id: number; visitId: number; version: number; dueOn: string },
	input: ActionInput & { version: number },
	due: DueCheck,
	now = new Date()
): Checked | { ok: false; field: 'stale' } | { ok: false; field: 'dueOn'; past: true } {
	if (input.dueOn !== current.dueOn && pastDue(input.dueOn, due)) {
		return { ok: false, field: 'dueOn', past: true };
	}
	return db.transaction((tx) => {
		const checked = checkAction(tx, current.visitId, input);
		if (!checked.ok) return checked;
		const changed = tx
			.update(actions)
			.set({
				title: input.title,
				details: input.details,
				ownerOrganisationId: input.ownerOrganisationId,
				ownerUserId: input.ownerUserId ?? null,
				dueOn: input.dueOn,
				lessonId: input.lessonId ?? null,
				version: sql`${actions.version} + 1`,
				updatedAt: now
			})
			.where(and(eq(actions.id, current.id), eq(actions.version, input.version)))
			.run().changes;
		if (!changed) return { ok: false as const, field: 'stale' as const };
		recordAudit(tx, {
			actorId,
			entity: 'action',
			entityId: current.id,
			action: 'edited',
			changes: { title: input.title, dueOn: input.dueOn, owner: input.ownerOrganisationId },
			at: now
		});
		return { ok: true as const };
	});
}

/** The action changed since the form was opened, in a way the note would undo. */
export type ProgressStale = {
	stale: true;
	version: number;
	status: ActionStatus;
	/** The latest note on the server, to read beside one's own. */
	lastNote: string | null;
};

/**
 * A progress note, with or without a status change; both land in the history. `expected` is the
 * action's version the form was opened at (none: not checked). A note is only added, so an action
 * edited meanwhile still takes it; but when its status moved meanwhile (closed, reopened) and the
 * form asks for another status, applying it would undo someone's change: that is a conflict the
 * person settles, and nothing is written.
 */
export function addProgress(
	db: Tx,
	actorId: number | null,
	action: { id: number; status: ActionStatus },
	update: { note: string; status?: ActionStatus },
	now = new Date(),
	expected: number | null = null
): 'ok' | 'empty' | ProgressStale {
	return db.transaction((tx) => {
		const row = tx
			.select({ version: actions.version, status: actions.status })
			.from(actions)
			.where(eq(actions.id, action.id))
			.get();
		const current = row?.status ?? action.status;
		if (row && expected !== null && row.version !== expected && update.status) {
			if (update.status !== current) {
				const last = tx
					.select({ note: actionUpdates.note })
					.from(actionUpdates)
					.where(and(eq(actionUpdates.actionId, action.id), sql`${actionUpdates.note} <> ''`))
					.orderBy(desc(actionUpdates.createdAt), desc(actionUpdates.id))
					.get();
				return {
					stale: true as const,
					version: row.version,
					status: current,
					lastNote: last?.note ?? null
				};
			}
		}
		const status = update.status && update.status !== current ? update.status : undefined;
		// Choosing the status the action already has, with no note, says nothing: no empty entry.
		if (!status && !update.note.trim()) return 'empty' as const;
		if (status) {
			tx.update(actions)
				.set({
					status,
					doneAt: status === 'done' ? now : null,
					version: sql`${actions.version} + 1`,
					updatedAt: now
				})
				.where(eq(actions.id, action.id))
				.run();
		}
		tx.insert(actionUpdates)
			.values({
				actionId: action.id,
				authorId: actorId,
				note: update.note,
				fromStatus: status ? current : null,
				toStatus: status ?? null,
				createdAt: now
			})
			.run();
		recordAudit(tx, {
			actorId,
			entity: 'action',
			entityId: action.id,
			action: 'progress',
			changes: status ? { status } : { note: true },
			at: now
		});
		return 'ok' as const;
	});
}
