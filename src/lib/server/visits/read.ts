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
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DB } from '../db';
import { organisations, themes, visitOrganisations, visitThemes, visits } from '../db/schema';
import type { VisitStatus } from '../../enums';
import { cappedCount } from '../db/counts';
import { beyond, keysetPage, type Cursor, type Order } from '../db/keyset';
import { cachedPerVersionAsync } from '../db/version';
import { readAside } from '../db/reader';
import { preparedOnce } from '../db/prepared';
import { VISIT_STATUS, isGoingAhead } from '$lib/visit-lifecycle';

export const VISITS_PAGE_SIZE = 20;

export type VisitFilter = {
	status?: VisitStatus;
	organisationId?: number;
	/** Visits any of these take part in ([] matches none): the organisation filter's matches. */
	organisationIds?: number[];
	themeId?: number;
	/** ISO country of the host. */
	country?: string;
	year?: number;
	/** Only visits of these organisations ("my organisation"). */
	mine?: number[];
	sort?: 'newest' | 'oldest';
	/** The page after (or before) this visit in the list's order: `?after=<starts_on>_<id>`. */
	after?: Cursor;
	before?: Cursor;
	/** Drafts are seen only by their proposer's people and staff: null means staff (all). */
	viewerOrganisations: number[] | null;
};

const takesPart = (organisationIds: number[]) =>
	exists(
		sql`(SELECT 1 FROM ${visitOrganisations} WHERE ${visitOrganisations.visitId} = ${visits.id} AND ${inArray(visitOrganisations.organisationId, organisationIds)})`
	);

function visitConditions(f: VisitFilter): SQL | undefined {
	const conditions: (SQL | undefined)[] = [
		f.status ? eq(visits.status, f.status) : undefined,
		f.organisationId ? takesPart([f.organisationId]) : undefined,
		// Driven from the organisations' index rather than probed visit by visit in date order:
		// a rare organisation, or fifty of them, would otherwise walk the whole visits table.
		f.organisationIds
			? sql`${visits.id} IN (SELECT ${visitOrganisations.visitId} FROM ${visitOrganisations} WHERE ${inArray(visitOrganisations.organisationId, f.organisationIds.length ? f.organisationIds : [0])})`
			: undefined,
		f.mine ? takesPart(f.mine.length ? f.mine : [0]) : undefined,
		f.themeId
			? exists(
					sql`(SELECT 1 FROM ${visitThemes} WHERE ${visitThemes.visitId} = ${visits.id} AND ${visitThemes.themeId} = ${f.themeId})`
				)
			: undefined,
		f.country
			? exists(
					sql`(SELECT 1 FROM ${organisations} WHERE ${organisations.id} = ${visits.hostOrganisationId} AND ${organisations.country} = ${f.country})`
				)
			: undefined,
		f.year
			? and(gte(visits.startsOn, `${f.year}-01-01`), lte(visits.startsOn, `${f.year}-12-31`))
			: undefined,
		f.viewerOrganisations === null
			? undefined
			: or(
					ne(visits.status, VISIT_STATUS.draft),
					inArray(
						visits.proposerOrganisationId,
						f.viewerOrganisations.length ? f.viewerOrganisations : [0]
					)
				)
	];
	return and(...conditions);
}

const participantFields = {
	visitId: visitOrganisations.visitId,
	organisationId: visitOrganisations.organisationId,
	role: visitOrganisations.role,
	response: visitOrganisations.response,
	reason: visitOrganisations.reason,
	name: organisations.name,
	shortName: organisations.shortName,
	country: organisations.country,
	city: organisations.city
};

function participants(db: DB, visitIds: number[]) {
	if (!visitIds.length) return [];
	return db
		.select(participantFields)
		.from(visitOrganisations)
		.innerJoin(organisations, eq(visitOrganisations.organisationId, organisations.id))
		.where(inArray(visitOrganisations.visitId, visitIds))
		.orderBy(asc(organisations.shortName))
		.all();
}

/**
 * One visit's queries, built once: most pages of a visit read it, and drizzle's building of the
 * SQL was a fifth of the visit page's server time under load (`node --cpu-prof`).
 */
const oneVisit = preparedOnce((db: DB) => {
	const id = sql.placeholder('id');
	return {
		visit: db.select().from(visits).where(eq(visits.id, id)).prepare(),
		participants: db
			.select(participantFields)
			.from(visitOrganisations)
			.innerJoin(organisations, eq(visitOrganisations.organisationId, organisations.id))
			.where(eq(visitOrganisations.visitId, id))
			.orderBy(asc(organisations.shortName))
			.prepare(),
		themes: db
			.select({ theme: themes })
			.from(visitThemes)
			.innerJoin(themes, eq(visitThemes.themeId, themes.id))
			.where(eq(visitThemes.visitId, id))
			.orderBy(asc(themes.slug))
			.prepare()
	};
});

const listFields = {
	id: visits.id,
	title: visits.title,
	kind: visits.kind,
	status: visits.status,
	startsOn: visits.startsOn,
	endsOn: visits.endsOn,
	timeZone: visits.timeZone,
	place: visits.place,
	hostOrganisationId: visits.hostOrganisationId
};

/**
 * One page of visits, newest first, with their organisations. Pages follow each other by keyset
 * (db/keyset.ts): a deep page reads 21 rows from the index like the first, where OFFSET read all
 * those before it. The count stops at COUNT_CAP ("1000+").
 */
export function listVisits(db: DB, filter: VisitFilter) {
	const where = visitConditions(filter);
	const { total, more } = cappedCount(
		(limit) =>
			db
				.select({ n: count() })
				.from(
					db
						.select({ one: sql`1` })
						.from(visits)
						.where(where)
						.limit(limit)
						.as('capped')
				)
				.get()?.n ?? 0,
		1,
		VISITS_PAGE_SIZE
	);
	const order: Order = filter.sort === 'oldest' ? 'asc' : 'desc';
	const { rows, previous, next } = keysetPage(
		(bound, direction, limit) =>
			db
				.select(listFields)
				.from(visits)
				.where(and(where, bound && beyond(visits.startsOn, visits.id, bound.cursor, bound.order)))
				.orderBy(
					...(direction === 'asc'
						? [asc(visits.startsOn), asc(visits.id)]
						: [desc(visits.startsOn), desc(visits.id)])
				)
				.limit(limit)
				.all(),
		(v) => ({ key: v.startsOn, id: v.id }),
		{ order, after: filter.after, before: filter.before, size: VISITS_PAGE_SIZE }
	);
	const orgs = participants(
		db,
		rows.map((r) => r.id)
	);
	const items = rows.map((visit) => {
		const own = orgs.filter((o) => o.visitId === visit.id);
		return {
			...visit,
			inProgress: isInProgress(visit),
			host: own.find((o) => o.role === 'host'),
			visitors: own.filter((o) => o.role === 'visitor')
		};
	});
	return { items, total, more, previous, next };
}

export function getVisit(db: DB, id: number) {
	const queries = oneVisit(db);
	const visit = queries.visit.get({ id });
	if (!visit) return undefined;
	const orgs = queries.participants.all({ id });
	const visitThemeRows = queries.themes.all({ id });
	const proposer = orgs.find((o) => o.organisationId === visit.proposerOrganisationId);
	return {
		...visit,
		inProgress: isInProgress(visit),
		proposer,
		host: orgs.find((o) => o.role === 'host'),
		visitors: orgs.filter((o) => o.role === 'visitor'),
		facilitators: orgs.filter((o) => o.role === 'facilitator'),
		themes: visitThemeRows.map((r) => r.theme)
	};
}

/** "In progress" is derived, never stored: an accepted or confirmed visit on one of its days. */
export function isInProgress(
	visit: { status: string; startsOn: string; endsOn: string; timeZone: string },
	now = new Date()
) {
	if (!isGoingAhead(visit.status as VisitStatus)) return false;
	const today = format(new TZDate(now, visit.timeZone), 'yyyy-MM-dd');
	return visit.startsOn <= today && today <= visit.endsOn;
}

/**
 * The years and host countries the visit filters offer: those that have visits. Read from every
 * visit on the reader thread (db/reader.ts) and kept until the data changes, so the rebuild after
 * a write makes only the reader who asks first wait, never the other requests.
 */
export const visitFacets = (db: DB) => cachedFacets(db, '');
const cachedFacets = cachedPerVersionAsync((db: DB) => readVisitFacets(db));

async function readVisitFacets(db: DB) {
	const year = sql<string>`substr(${visits.startsOn}, 1, 4)`;
	const [years, countries] = await Promise.all([
		readAside(db, db.selectDistinct({ year }).from(visits).orderBy(desc(year)), ['year']),
		readAside(
			db,
			db
				.selectDistinct({ country: organisations.country })
				.from(visits)
				.innerJoin(organisations, eq(visits.hostOrganisationId, organisations.id)),
			['country']
		)
	]);
	return {
		years: years.map((r) => Number(r.year)),
		countries: countries.map((r) => String(r.country))
	};
}
