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
import type { DB, Tx } from './db';
import {
	attachments,
	lessonThemes,
	lessons,
	organisations,
	themes,
	visitOrganisations,
	visitThemes,
	visits
} from './db/schema';
import { recordAudit } from './audit';
import { qualified as q } from './db/schema/columns';
import type { LessonInput } from '$lib/schemas/lesson';

export const LESSONS_PAGE_SIZE = 20;

/** null: staff, who see everything; otherwise the organisations the viewer belongs to. */
export type Viewer = number[] | null;

const takesPart = (organisationIds: number[], visitId: typeof lessons.visitId) =>
	exists(
		sql`(SELECT 1 FROM ${visitOrganisations} WHERE ${q(visitOrganisations.visitId)} = ${q(visitId)} AND ${q(visitOrganisations.response)} <> 'declined' AND ${q(visitOrganisations.organisationId)} IN (${sql.join(
			(organisationIds.length ? organisationIds : [0]).map((id) => sql`${id}`),
			sql`, `
		)}))`
	);

/** The lessons a viewer may read: network-wide ones, and their own visits' `participants` ones. */
export function lessonVisibleTo(viewer: Viewer): SQL | undefined {
	if (viewer === null) return undefined;
	return or(sql`${q(lessons.visibility)} = 'network'`, takesPart(viewer, lessons.visitId));
}

/**
 * Turns what someone typed into a safe FTS5 query: each word quoted (so `"`, `*`, `NEAR(`, `OR`
 * are plain text, never syntax) and matched as a prefix, all words required. null: nothing to
 * search for.
 */
export function ftsQuery(input: string): string | null {
	const terms = input
		.normalize('NFC')
		.split(/[\s"]+/)
		.map((t) => t.replace(/[^\p{L}\p{N}'’-]+/gu, ' ').trim())
		.flatMap((t) => t.split(/\s+/))
		.filter((t) => /[\p{L}\p{N}]/u.test(t))
		.slice(0, 12);
	if (!terms.length) return null;
	return terms.map((t) => `"${t}"*`).join(' ');
}

export type LessonFilter = {
	q?: string;
	themeId?: number;
	/** ISO country of the organisation that learned it. */
	country?: string;
	organisationId?: number;
	year?: number;
	page?: number;
	viewer: Viewer;
};

function lessonConditions(f: LessonFilter, match: string | null): SQL | undefined {
	return and(
		lessonVisibleTo(f.viewer),
		match
			? sql`${q(lessons.id)} IN (SELECT rowid FROM lessons_fts WHERE lessons_fts MATCH ${match})`
			: undefined,
		f.themeId
			? exists(
					sql`(SELECT 1 FROM ${lessonThemes} WHERE ${q(lessonThemes.lessonId)} = ${q(lessons.id)} AND ${q(lessonThemes.themeId)} = ${f.themeId})`
				)
			: undefined,
		f.organisationId ? eq(lessons.organisationId, f.organisationId) : undefined,
		f.country ? eq(organisations.country, f.country) : undefined,
		f.year
			? and(gte(visits.startsOn, `${f.year}-01-01`), lte(visits.startsOn, `${f.year}-12-31`))
			: undefined
	);
}

const lessonColumns = {
	id: lessons.id,
	title: lessons.title,
	observed: lessons.observed,
	adaptation: lessons.adaptation,
	visibility: lessons.visibility,
	organisationId: lessons.organisationId,
	organisation: organisations.name,
	organisationShort: organisations.shortName,
	country: organisations.country,
	visitId: lessons.visitId,
	visitTitle: visits.title,
	visitStartsOn: visits.startsOn,
	visitEndsOn: visits.endsOn,
	createdAt: lessons.createdAt
};

function withThemes<T extends { id: number }>(db: Tx, rows: T[]) {
	if (!rows.length) return [];
	const links = db
		.select({ lessonId: lessonThemes.lessonId, theme: themes })
		.from(lessonThemes)
		.innerJoin(themes, eq(lessonThemes.themeId, themes.id))
		.where(
			inArray(
				lessonThemes.lessonId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(themes.slug))
		.all();
	const files = db
		.select({
			id: attachments.id,
			lessonId: attachments.lessonId,
			filename: attachments.filename,
			mime: attachments.mime,
			size: attachments.size,
			uploadedById: attachments.uploadedById
		})
		.from(attachments)
		.where(
			inArray(
				attachments.lessonId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(attachments.id))
		.all();
	return rows.map((r) => ({
		...r,
		themes: links.filter((l) => l.lessonId === r.id).map((l) => l.theme),
		attachments: files.filter((f) => f.lessonId === r.id)
	}));
}

/** One page of the knowledge base, newest visits first. */
export function listLessons(db: DB, filter: LessonFilter) {
	const match = filter.q ? ftsQuery(filter.q) : null;
	const where = lessonConditions(filter, match);
	const base = () =>
		db
			.select(lessonColumns)
			.from(lessons)
			.innerJoin(organisations, eq(lessons.organisationId, organisations.id))
			.innerJoin(visits, eq(lessons.visitId, visits.id));
	const total =
		db
			.select({ n: count() })
			.from(lessons)
			.innerJoin(organisations, eq(lessons.organisationId, organisations.id))
			.innerJoin(visits, eq(lessons.visitId, visits.id))
			.where(where)
			.get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / LESSONS_PAGE_SIZE));
	const page = Math.min(Math.max(1, filter.page ?? 1), pages);
	const rows = base()
		.where(where)
		// Newest first, searching or not: ranking each match by relevance cost one full-text query
		// per matching lesson (12 s for a common word among 20 000 lessons), and the network reads
		// its knowledge base as a history.
		.orderBy(desc(visits.startsOn), desc(lessons.id))
		.limit(LESSONS_PAGE_SIZE)
		.offset((page - 1) * LESSONS_PAGE_SIZE)
		.all();
	return { items: withThemes(db, rows), total, page, pages };
}

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
	db: DB,
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
	const visitCount = sql<number>`(SELECT count(*) FROM ${visitOrganisations} JOIN ${visits} ON ${q(visits.id)} = ${q(visitOrganisations.visitId)} WHERE ${q(visitOrganisations.organisationId)} = ${q(organisations.id)} AND ${q(visitOrganisations.response)} = 'accepted' AND ${q(visits.status)} IN ('accepted', 'confirmed', 'completed', 'closed') AND EXISTS (SELECT 1 FROM ${visitThemes} WHERE ${q(visitThemes.visitId)} = ${q(visits.id)} AND ${q(visitThemes.themeId)} = ${themeId}))`;
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

/** The filter choices the knowledge base offers: those that have lessons. */
export function lessonFacets(db: DB) {
	const years = db
		.selectDistinct({ year: sql<string>`substr(${visits.startsOn}, 1, 4)` })
		.from(lessons)
		.innerJoin(visits, eq(lessons.visitId, visits.id))
		.orderBy(desc(sql`substr(${visits.startsOn}, 1, 4)`))
		.all()
		.map((r) => Number(r.year));
	const orgs = db
		.selectDistinct({
			id: organisations.id,
			name: organisations.name,
			country: organisations.country
		})
		.from(lessons)
		.innerJoin(organisations, eq(lessons.organisationId, organisations.id))
		.orderBy(asc(organisations.name))
		.all();
	return { years, organisations: orgs, countries: [...new Set(orgs.map((o) => o.country))] };
}
