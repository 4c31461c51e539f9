// Reading the knowledge base: who may read which lesson (decided here in SQL, mirroring the
// policy's 'lesson.see' rule), the full-text query, and the paged list and search.
import { and, asc, eq, exists, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import {
	attachments,
	lessonThemes,
	lessons,
	organisations,
	themes,
	visitOrganisations,
	visits
} from '../db/schema';
import { qualified as q } from '../db/schema/columns';
import { COUNT_CAP } from '../db/counts';

export const LESSONS_PAGE_SIZE = 20;
/** A search counts its matches up to here ("200+"): ten pages. */
export const SEARCH_COUNT_CAP = 200;

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
	const terms = searchTerms(input);
	return terms.length ? terms.map((t) => `"${t}"*`).join(' ') : null;
}

function searchTerms(input: string): string[] {
	return input
		.normalize('NFC')
		.split(/[\s"]+/)
		.map((t) => t.replace(/[^\p{L}\p{N}'’-]+/gu, ' ').trim())
		.flatMap((t) => t.split(/\s+/))
		.filter((t) => /[\p{L}\p{N}]/u.test(t))
		.slice(0, 12);
}

/** Past this many longer words sharing a prefix, FTS5's own prefix search is used. */
const MAX_EXPANSION = 8;
const vocabularies = new WeakSet<object>();

/**
 * The same query as `ftsQuery`, faster: a prefix query (`"enfant"*`) makes FTS5 merge the whole
 * list of every word with that prefix before returning its first row (10 ms for a word most
 * lessons hold), while a plain word is read lazily, newest first, and stops after a page. So each
 * word is looked up in the index's vocabulary (fts5vocab, a fraction of a millisecond) and
 * replaced by itself OR its few longer forms; the matches are the same. Only words that fold to
 * plain a-z/0-9 are expanded, because only for those is the tokenizer's folding
 * (unicode61, remove_diacritics 2) reproduced exactly here.
 */
export function expandedFtsQuery(db: DB, input: string): string | null {
	const terms = searchTerms(input);
	if (!terms.length) return null;
	if (!vocabularies.has(db.$client)) {
		db.$client.exec(
			'CREATE VIRTUAL TABLE IF NOT EXISTS temp.lessons_fts_terms USING fts5vocab(main, lessons_fts, row)'
		);
		vocabularies.add(db.$client);
	}
	const longer = db.$client
		.prepare(
			`SELECT term FROM temp.lessons_fts_terms
			 WHERE term >= ? || char(1) AND term <= ? || char(1114111) LIMIT ${MAX_EXPANSION + 1}`
		)
		.pluck();
	return (
		terms
			.map((t) => {
				const folded = t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
				if (!/^[a-z0-9]+$/.test(folded)) return `"${t}"*`;
				const forms = longer.all(folded, folded) as string[];
				if (forms.length > MAX_EXPANSION) return `"${t}"*`;
				if (!forms.length) return `"${folded}"`;
				return `(${[folded, ...forms].map((f) => `"${f}"`).join(' OR ')})`;
			})
			// FTS5 accepts no implicit AND after a parenthesised group.
			.join(' AND ')
	);
}

export type LessonFilter = {
	q?: string;
	themeId?: number;
	/** ISO country of the organisation that learned it. */
	country?: string;
	organisationId?: number;
	/** Learned by any of these ([] matches none): the organisation filter's matches. */
	organisationIds?: number[];
	year?: number;
	page?: number;
	viewer: Viewer;
};

export function lessonConditions(f: LessonFilter, match: string | null): SQL | undefined {
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
		f.organisationIds
			? inArray(lessons.organisationId, f.organisationIds.length ? f.organisationIds : [0])
			: undefined,
		f.country ? eq(organisations.country, f.country) : undefined,
		f.year
			? and(gte(visits.startsOn, `${f.year}-01-01`), lte(visits.startsOn, `${f.year}-12-31`))
			: undefined
	);
}

export const lessonColumns = {
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

export function withThemes<T extends { id: number }>(db: Tx, rows: T[]) {
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

/**
 * One page of the knowledge base. Browsing lists the newest visits first; a search lists the
 * newest lessons first, walking the full-text index backwards (`ORDER BY rowid DESC`) and
 * stopping after a page: sorting every match by its visit's date cost a second per search over
 * 200 000 lessons. The count stops at COUNT_CAP ("1000+") when browsing and SEARCH_COUNT_CAP
 * ("200+") when searching, or far enough to reach the page asked: a search checks who may read
 * each match it counts, and counting a thousand of them was most of its time.
 */
export function listLessons(db: DB, filter: LessonFilter) {
	const match = filter.q ? expandedFtsQuery(db, filter.q) : null;
	const where = lessonConditions(filter, null);
	const wanted = Math.max(1, filter.page ?? 1);
	const limit = Math.max(match ? SEARCH_COUNT_CAP : COUNT_CAP, wanted * LESSONS_PAGE_SIZE) + 1;
	// Organisations and visits are joined only when a filter reads them (country, year).
	const byCountry = filter.country
		? sql`JOIN ${organisations} ON ${q(organisations.id)} = ${q(lessons.organisationId)}`
		: sql``;
	const joins = filter.year
		? sql`${byCountry} JOIN ${visits} ON ${q(visits.id)} = ${q(lessons.visitId)}`
		: byCountry;
	const condition = where ?? sql`1`;
	let ids: number[];
	let pageIds: (all: number[], page: number) => number[];
	if (match) {
		// Every match the viewer may read, newest first, up to the cap: one pass over the index.
		ids = db
			.all<{ id: number }>(
				sql`SELECT ${q(lessons.id)} AS id FROM lessons_fts
					JOIN ${lessons} ON ${q(lessons.id)} = lessons_fts.rowid ${joins}
					WHERE lessons_fts MATCH ${match} AND ${condition}
					ORDER BY lessons_fts.rowid DESC LIMIT ${limit}`
			)
			.map((r) => r.id);
		pageIds = (all, page) => all.slice((page - 1) * LESSONS_PAGE_SIZE, page * LESSONS_PAGE_SIZE);
	} else {
		ids = db
			.all<{ id: number }>(
				sql`SELECT ${q(lessons.id)} AS id FROM ${lessons} ${joins} WHERE ${condition} LIMIT ${limit}`
			)
			.map((r) => r.id);
		// Browsing: visits by date through their index (CROSS JOIN keeps that order of tables).
		pageIds = (_all, page) =>
			db
				.all<{ id: number }>(
					sql`SELECT ${q(lessons.id)} AS id FROM ${visits}
						CROSS JOIN ${lessons} ON ${q(lessons.visitId)} = ${q(visits.id)} ${byCountry}
						WHERE ${condition}
						ORDER BY ${q(visits.startsOn)} DESC, ${q(lessons.id)} DESC
						LIMIT ${LESSONS_PAGE_SIZE} OFFSET ${(page - 1) * LESSONS_PAGE_SIZE}`
				)
				.map((r) => r.id);
	}
	const more = ids.length >= limit;
	const total = more ? limit - 1 : ids.length;
	const pages = Math.max(1, Math.ceil(total / LESSONS_PAGE_SIZE));
	const page = Math.min(wanted, pages);
	if (!match && !more) {
		// Every match is known and few: sorting them here beats walking every visit by date, which
		// read the whole table for a rare organisation (0.6 s at scale 1).
		pageIds = (all, page) =>
			db
				.all<{ id: number; startsOn: string }>(
					sql`SELECT ${q(lessons.id)} AS id, ${q(visits.startsOn)} AS startsOn FROM ${lessons}
						JOIN ${visits} ON ${q(visits.id)} = ${q(lessons.visitId)}
						WHERE ${inArray(lessons.id, all.length ? all : [0])}`
				)
				.sort((a, b) =>
					a.startsOn === b.startsOn ? b.id - a.id : a.startsOn < b.startsOn ? 1 : -1
				)
				.slice((page - 1) * LESSONS_PAGE_SIZE, page * LESSONS_PAGE_SIZE)
				.map((r) => r.id);
	}
	const chosen = pageIds(ids, page);
	const rows = chosen.length
		? db
				.select(lessonColumns)
				.from(lessons)
				.innerJoin(organisations, eq(lessons.organisationId, organisations.id))
				.innerJoin(visits, eq(lessons.visitId, visits.id))
				.where(inArray(lessons.id, chosen))
				.all()
		: [];
	const order = new Map(chosen.map((id, i) => [id, i]));
	rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
	return { items: withThemes(db, rows), total, more, page, pages };
}
