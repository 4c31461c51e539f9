// An organisation's profile entries: the practices it can share and what it wants to learn.
// Written by its coordinators and staff (policy 'profile.edit'); every change is audited.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { practiceThemes, practices, themes } from '../db/schema';
import { recordAudit } from '../audit/log';
import type { PracticeKind } from '$lib/enums';
import type { PracticeInput } from '$lib/schemas/practice';

/** An organisation keeps a short profile: past this, an entry must be removed to add one. */
export const MAX_PRACTICES = 30;

export type Practice = typeof practices.$inferSelect & {
	themes: (typeof themes.$inferSelect)[];
};

/** Profile entries with their themes, in two queries. */
export function practicesWithThemes(db: Tx, rows: (typeof practices.$inferSelect)[]): Practice[] {
	if (!rows.length) return [];
	const links = db
		.select({ practiceId: practiceThemes.practiceId, theme: themes })
		.from(practiceThemes)
		.innerJoin(themes, eq(practiceThemes.themeId, themes.id))
		.where(
			inArray(
				practiceThemes.practiceId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(themes.slug))
		.all();
	return rows.map((r) => ({
		...r,
		themes: links.filter((l) => l.practiceId === r.id).map((l) => l.theme)
	}));
}

export function practicesOf(db: Tx, organisationId: number, kind?: PracticeKind) {
	const rows = db
		.select()
		.from(practices)
		.where(
			and(eq(practices.organisationId, organisationId), kind ? eq(practices.kind, kind) : undefined)
		)
		.orderBy(asc(practices.id))
		.all();
	return practicesWithThemes(db, rows);
}

export function getPractice(db: Tx, id: number) {
	return db.select().from(practices).where(eq(practices.id, id)).get();
}

/** Theme ids that exist (a stale form may name a theme deleted since). */
function knownThemes(db: Tx, ids: number[]) {
	if (!ids.length) return [];
	return db
		.select({ id: themes.id })
		.from(themes)
		.where(inArray(themes.id, [...new Set(ids)]))
		.all()
		.map((t) => t.id);
}

type Saved = { ok: true; id: number } | { ok: false; error: 'too_many' | 'not_found' };

export function addPractice(
	db: DB,
	actorId: number | null,
	organisationId: number,
	input: PracticeInput
): Saved {
	return db.transaction((tx) => {
		const n = tx
			.select({ id: practices.id })
			.from(practices)
			.where(eq(practices.organisationId, organisationId))
			.all().length;
		if (n >= MAX_PRACTICES) return { ok: false as const, error: 'too_many' as const };
		const { themeIds, ...fields } = input;
		const { id } = tx
			.insert(practices)
			.values({ ...fields, organisationId })
			.returning({ id: practices.id })
			.get();
		for (const themeId of knownThemes(tx, themeIds)) {
			tx.insert(practiceThemes).values({ practiceId: id, themeId }).run();
		}
		recordAudit(tx, {
			actorId,
			entity: 'practice',
			entityId: id,
			action: 'created',
			changes: { organisationId, ...input }
		});
		return { ok: true as const, id };
	});
}

export function editPractice(db: DB, actorId: number, id: number, input: PracticeInput): Saved {
	return db.transaction((tx) => {
		const before = getPractice(tx, id);
		if (!before) return { ok: false as const, error: 'not_found' as const };
		const { themeIds, ...fields } = input;
		tx.update(practices)
			.set({ ...fields, updatedAt: new Date() })
			.where(eq(practices.id, id))
			.run();
		tx.delete(practiceThemes).where(eq(practiceThemes.practiceId, id)).run();
		for (const themeId of knownThemes(tx, themeIds)) {
			tx.insert(practiceThemes).values({ practiceId: id, themeId }).run();
		}
		recordAudit(tx, {
			actorId,
			entity: 'practice',
			entityId: id,
			action: 'updated',
			changes: input
		});
		return { ok: true as const, id };
	});
}

export function removePractice(db: DB, actorId: number, id: number): boolean {
	return db.transaction((tx) => {
		const before = getPractice(tx, id);
		if (!before) return false;
		tx.delete(practices).where(eq(practices.id, id)).run();
		recordAudit(tx, {
			actorId,
			entity: 'practice',
			entityId: id,
			action: 'deleted',
			changes: { organisationId: before.organisationId, title: before.title }
		});
		return true;
	});
}
