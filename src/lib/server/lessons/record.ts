// Lessons learned and the network's knowledge base. Who may read a `participants` lesson is decided
// here in SQL (lists, search, CSV, report all go through `visibleLessons`), mirroring the policy's
// 'lesson.see' rule for a single lesson.
import {
	and,
	asc,
	count,
	desc,
	eq,
	exists,
	gte,
	inArray,
	lte,
	ne,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { DB, Tx } from '../db';
import {
	attachments,
	lessonThemes,
	lessons,
	organisations,
	themes,
	visitOrganisations,
	visitThemes,
	visits
} from '../db/schema';
import { recordAudit } from '../audit/log';
import { cachedPerVersionAsync } from '../db/version';
import { readAside } from '../db/reader';
import { qualified as q } from '../db/schema/columns';
import type { LessonInput } from '$lib/schemas/lesson';
import { AGREED } from '$lib/visit-lifecycle';

export {
	LESSONS_PAGE_SIZE,
	ftsQuery,
	lessonVisibleTo,
	listLessons,
	type LessonFilter,
	type Viewer
} from './search';
import { lessonColumns, lessonVisibleTo, withThemes, type Viewer } from './search';
/** Every lesson of a visit the viewer may read, oldest first (the order they were recorded). */
export function lessonsOfVisit(db: Tx, visitId: number, viewer: Viewer) {
	const rows = db
		.select(lessonColumns)
		.from(lessons)
		.innerJoin(organisations, eq(lessons.organisationId, organisations.id))
		.innerJoin(visits, eq(lessons.visitId, visits.id))
		.where(and(eq(lessons.visitId, visitId), lessonVisibleTo(viewer)))
		.orderBy(asc(lessons.id))
		.all();
	return withThemes(db, rows);
}

export function getLesson(db: Tx, id: number) {
	return db.select().from(lessons).where(eq(lessons.id, id)).get();
}

type Failure = { ok: false; field: 'organisationId' | 'themeIds' };

/** Whether the organisation takes part in the visit (has not declined). */
export function takesPartIn(db: Tx, visitId: number, organisationId: number) {
	return !!db
		.select({ id: visitOrganisations.organisationId })
		.from(visitOrganisations)
		.where(
			and(
				eq(visitOrganisations.visitId, visitId),
				eq(visitOrganisations.organisationId, organisationId),
				ne(visitOrganisations.response, 'declined')
			)
		)
		.get();
}

/** Records a lesson; the organisation must take part in the visit and the themes must exist. */
export function createLesson(
	db: Tx,
	actorId: number | null,
	visitId: number,
	input: LessonInput
): { ok: true; id: number } | Failure {
	return db.transaction((tx) => {
		if (!takesPartIn(tx, visitId, input.organisationId)) {
			return { ok: false as const, field: 'organisationId' as const };
		}
		const themeIds = [...new Set(input.themeIds)];
		if (themeIds.length) {
			const known = tx
				.select({ id: themes.id })
				.from(themes)
				.where(inArray(themes.id, themeIds))
				.all();
			if (known.length !== themeIds.length)
				return { ok: false as const, field: 'themeIds' as const };
		}
		const { id } = tx
			.insert(lessons)
			.values({
				visitId,
				organisationId: input.organisationId,
				title: input.title,
				observed: input.observed,
				adaptation: input.adaptation,
				visibility: input.visibility,
				authorId: actorId
			})
			.returning({ id: lessons.id })
			.get();
		for (const themeId of themeIds) tx.insert(lessonThemes).values({ lessonId: id, themeId }).run();
		recordAudit(tx, {
			actorId,
			entity: 'lesson',
			entityId: id,
			action: 'created',
			changes: { visitId, title: input.title, visibility: input.visibility }
		});
		return { ok: true as const, id };
	});
}

/**
 * "Who in the network has experience with this theme?": organisations ranked by the lessons they
 * recorded on it (that the viewer may read), then by the visits on it they took part in.
 */
export function experienceOn(db: DB, themeId: number, viewer: Viewer) {
	const lessonCount = sql<number>`(SELECT count(*) FROM ${lessons} WHERE ${q(lessons.organisationId)} = ${q(organisations.id)} AND EXISTS (SELECT 1 FROM ${lessonThemes} WHERE ${q(lessonThemes.lessonId)} = ${q(lessons.id)} AND ${q(lessonThemes.themeId)} = ${themeId}) AND ${lessonVisibleTo(viewer) ?? sql`1`})`;
	const agreed = sql.join(
		AGREED.map((s) => sql`${s}`),
		sql`, `
	);
	const visitCount = sql<number>`(SELECT count(*) FROM ${visitOrganisations} JOIN ${visits} ON ${q(visits.id)} = ${q(visitOrganisations.visitId)} WHERE ${q(visitOrganisations.organisationId)} = ${q(organisations.id)} AND ${q(visitOrganisations.response)} = 'accepted'
		AND ${q(visits.status)} IN (${agreed})
		AND EXISTS (SELECT 1 FROM ${visitThemes} WHERE ${q(visitThemes.visitId)} = ${q(visits.id)} AND ${q(visitThemes.themeId)} = ${themeId}))`;
	return db
		.select({
			id: organisations.id,
			name: organisations.name,
			country: organisations.country,
			lessons: lessonCount,
			visits: visitCount
		})
		.from(organisations)
		.where(sql`${lessonCount} + ${visitCount} > 0`)
		.orderBy(desc(lessonCount), desc(visitCount), asc(organisations.name))
		.limit(10)
		.all();
}

/**
 * The filter choices the knowledge base offers: those that have lessons. Read from every lesson
 * on the reader thread (db/reader.ts) and kept until the data changes, like the visits' choices.
 */
export const lessonFacets = (db: DB) => cachedFacets(db, '');
const cachedFacets = cachedPerVersionAsync((db: DB) => readLessonFacets(db));

async function readLessonFacets(db: DB) {
	const year = sql<string>`substr(${visits.startsOn}, 1, 4)`;
	const [years, orgs] = await Promise.all([
		readAside(
			db,
			db
				.selectDistinct({ year })
				.from(lessons)
				.innerJoin(visits, eq(lessons.visitId, visits.id))
				.orderBy(desc(year)),
			['year']
		),
		readAside(
			db,
			db
				.selectDistinct({
					id: organisations.id,
					name: organisations.name,
					country: organisations.country
				})
				.from(lessons)
				.innerJoin(organisations, eq(lessons.organisationId, organisations.id))
				.orderBy(asc(organisations.name)),
			['id', 'name', 'country'] as const
		)
	]);
	const organisationsWithLessons = orgs as { id: number; name: string; country: string }[];
	return {
		years: years.map((r) => Number(r.year)),
		organisations: organisationsWithLessons,
		countries: [...new Set(organisationsWithLessons.map((o) => o.country))]
	};
}
