// Changing and deleting a lesson. The organisation that learned it stays (changing it would move
// the lesson to people who did not write it); the FTS triggers keep search in step.
import { eq, inArray } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { attachments, lessonThemes, lessons, themes } from '../db/schema';
import { recordAudit } from '../audit/log';
import { removeUnreferenced } from './attachments';
import type { LessonInput } from '$lib/schemas/lesson';

export type LessonEdit = Omit<LessonInput, 'organisationId'> & { version: number };

/** The lesson as saved on the server, shown beside the person's own when they conflict. */
export type LessonNow = { version: number; title: string; observed: string; adaptation: string };

/**
 * Saves new text, themes and visibility. `version` is the lesson's version the form was read at:
 * a lesson changed since (another person, a queued edit from a phone) answers `stale` with the
 * server's text instead of silently losing the other edit.
 */
export function updateLesson(
	db: Tx,
	actorId: number | null,
	id: number,
	input: LessonEdit
):
	| { ok: true; version: number }
	| { ok: false; field: 'themeIds' }
	| { ok: false; field: 'version'; now: LessonNow | null } {
	return db.transaction((tx) => {
		const current = tx.select().from(lessons).where(eq(lessons.id, id)).get();
		if (!current || current.version !== input.version) {
			const now = current && {
				version: current.version,
				title: current.title,
				observed: current.observed,
				adaptation: current.adaptation
			};
			return { ok: false as const, field: 'version' as const, now: now ?? null };
		}
		const themeIds = [...new Set(input.themeIds)];
		if (themeIds.length) {
			const known = tx.select({ id: themes.id }).from(themes).where(inArray(themes.id, themeIds));
			if (known.all().length !== themeIds.length) {
				return { ok: false as const, field: 'themeIds' as const };
			}
		}
		tx.update(lessons)
			.set({
				title: input.title,
				observed: input.observed,
				adaptation: input.adaptation,
				visibility: input.visibility,
				version: current.version + 1,
				updatedAt: new Date()
			})
			.where(eq(lessons.id, id))
			.run();
		tx.delete(lessonThemes).where(eq(lessonThemes.lessonId, id)).run();
		for (const themeId of themeIds) tx.insert(lessonThemes).values({ lessonId: id, themeId }).run();
		const changes: Record<string, unknown> = {};
		for (const key of ['title', 'observed', 'adaptation', 'visibility'] as const) {
			if (current[key] !== input[key]) changes[key] = { from: current[key], to: input[key] };
		}
		recordAudit(tx, { actorId, entity: 'lesson', entityId: id, action: 'updated', changes });
		return { ok: true as const, version: current.version + 1 };
	});
}

/**
 * Deletes a lesson with its documents (their files go when no other lesson shares them); actions
 * made from it stay, no longer linked to it.
 */
export function deleteLesson(db: DB, dir: string, actorId: number | null, id: number) {
	const hashes = db.transaction((tx) => {
		const current = tx.select().from(lessons).where(eq(lessons.id, id)).get();
		if (!current) return null;
		const files = tx
			.select({ sha256: attachments.sha256 })
			.from(attachments)
			.where(eq(attachments.lessonId, id))
			.all();
		tx.delete(lessons).where(eq(lessons.id, id)).run();
		recordAudit(tx, {
			actorId,
			entity: 'lesson',
			entityId: id,
			action: 'deleted',
			changes: { visitId: current.visitId, title: current.title, attachments: files.length }
		});
		return files.map((f) => f.sha256);
	});
	if (!hashes) return false;
	removeUnreferenced(db, dir, hashes);
	return true;
}
