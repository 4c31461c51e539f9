// An organisation's profile (/organisations/{id}): who they are and whom to contact, what they can
// share and want to learn, the visits they hosted and made, the lessons and follow-up actions
// from those visits (each under its own visibility rule), and how their hosted visits were rated.
import {
	and,
	asc,
	desc,
	eq,
	exists,
	inArray,
	ne,
	or,
	sql,
	type SQL,
	type SQLWrapper
} from 'drizzle-orm';
import { union } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import {
	actions,
	lessons,
	memberships,
	organisationThemes,
	organisations,
	themes,
	users,
	visitOrganisations,
	visits
} from '../db/schema';
import { lessonVisibleTo, type Viewer } from '../lessons/search';
import { actionVisibleTo } from '../actions/tracking';
import { practicesOf } from './practices';
import { COUNT_CAP, cappedPages } from '../db/counts';
import { VISIT_STATUS } from '$lib/visit-lifecycle';

export const PROFILE_VISITS_PAGE_SIZE = 10;
/** Lessons and actions shown on the profile; the rest are one link away (/lessons, /actions). */
export const PROFILE_LIST_SIZE = 5;

export type ProfileOptions = {
	viewer: Viewer;
	/** The coordinators' e-mail addresses are read only for those the policy lets see them. */
	withContacts: boolean;
	hostedPage?: number;
	madePage?: number;
};

/** A draft is its proposer's business until it is sent; a declined visit never happened. */
const SHOWN = sql`${visits.status} <> ${VISIT_STATUS.draft}`;

/**
 * A page of visits newest first. `whenMany`: the same condition written for an organisation with
 * over COUNT_CAP of them, read by walking visits by date (met within a few rows), where gathering
 * them all and sorting took 12 ms; for a small one that walk would read every visit.
 */
function visitPage(db: DB, where: SQL | undefined, wanted = 1, whenMany: SQL | undefined = where) {
	const { total, more, pages, page } = cappedPages(
		db,
		visits,
		where,
		wanted,
		PROFILE_VISITS_PAGE_SIZE
	);
	const items = db
		.select({
			id: visits.id,
			title: visits.title,
			status: visits.status,
			startsOn: visits.startsOn,
			endsOn: visits.endsOn,
			hostId: visits.hostOrganisationId,
			host: organisations.name
		})
		.from(visits)
		.innerJoin(organisations, eq(organisations.id, visits.hostOrganisationId))
		.where(more ? whenMany : where)
		.orderBy(desc(visits.startsOn), desc(visits.id))
		.limit(PROFILE_VISITS_PAGE_SIZE)
		.offset((page - 1) * PROFILE_VISITS_PAGE_SIZE)
		.all();
	return { items, total, more, page, pages };
}

export function organisationProfile(db: DB, id: number, options: ProfileOptions) {
	const org = db.select().from(organisations).where(eq(organisations.id, id)).get();
	if (!org) return undefined;
	const orgThemes = db
		.select({ theme: themes })
		.from(organisationThemes)
		.innerJoin(themes, eq(themes.id, organisationThemes.themeId))
		.where(eq(organisationThemes.organisationId, id))
		.orderBy(asc(themes.slug))
		.all()
		.map((r) => r.theme);
	const coordinators = db
		.select({
			id: users.id,
			name: users.name,
			email: options.withContacts ? users.email : sql<string | null>`NULL`
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.organisationId, id),
				eq(memberships.role, 'coordinator'),
				eq(users.disabled, false)
			)
		)
		.orderBy(asc(users.name))
		.all();
	const all = practicesOf(db, id);
	const hosted = visitPage(db, and(eq(visits.hostOrganisationId, id), SHOWN), options.hostedPage);
	const madeHere = and(
		eq(visitOrganisations.organisationId, id),
		eq(visitOrganisations.role, 'visitor'),
		ne(visitOrganisations.response, 'declined')
	);
	const madeIds = db
		.select({ id: visitOrganisations.visitId })
		.from(visitOrganisations)
		.where(madeHere);
	const oneOfMade = db
		.select({ one: sql`1` })
		.from(visitOrganisations)
		.where(and(eq(visitOrganisations.visitId, visits.id), madeHere));
	const made = visitPage(
		db,
		and(inArray(visits.id, madeIds), SHOWN),
		options.madePage,
		and(exists(oneOfMade), SHOWN)
	);
	return {
		organisation: { ...org, themes: orgThemes },
		coordinators,
		share: all.filter((p) => p.kind === 'share'),
		learn: all.filter((p) => p.kind === 'learn'),
		hosted,
		made,
		lessons: profileLessons(db, id, options.viewer),
		actions: {
			open: profileActions(db, id, options.viewer, ['open', 'in_progress']),
			done: profileActions(db, id, options.viewer, ['done'])
		}
	};
}

/**
 * Lessons learned by the organisation, or by its visitors on visits it hosted. An OR across the
 * lesson and its visit made SQLite scan every visit (0.45 s for the busiest organisation at the
 * benchmark's scale, 62 000 lessons): each side is counted through its own index, no further than
 * COUNT_CAP ("1000+"). The newest five: a small organisation's lessons are gathered by id and
 * sorted; a large one's are met soonest by walking visits newest first.
 */
function profileLessons(db: DB, id: number, viewer: Viewer) {
	const visible = lessonVisibleTo(viewer);
	const capped = (query: SQLWrapper) =>
		db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${query})`).n;
	const ownCount = capped(
		db
			.select({ one: sql`1` })
			.from(lessons)
			.where(and(eq(lessons.organisationId, id), visible))
			.limit(COUNT_CAP + 1)
	);
	const hostedCount = capped(
		db
			.select({ one: sql`1` })
			.from(lessons)
			.innerJoin(visits, eq(visits.id, lessons.visitId))
			.where(and(eq(visits.hostOrganisationId, id), ne(lessons.organisationId, id), visible))
			.limit(COUNT_CAP + 1)
	);
	const more = ownCount + hostedCount > COUNT_CAP;
	const own = db.select({ id: lessons.id }).from(lessons).where(eq(lessons.organisationId, id));
	const hostedHere = db
		.select({ id: lessons.id })
		.from(lessons)
		.innerJoin(visits, eq(visits.id, lessons.visitId))
		.where(eq(visits.hostOrganisationId, id));
	const items = db
		.select({
			id: lessons.id,
			title: lessons.title,
			visitId: visits.id,
			visitTitle: visits.title,
			startsOn: visits.startsOn,
			learnedBy: organisations.name,
			learnedById: organisations.id
		})
		.from(lessons)
		.innerJoin(visits, eq(visits.id, lessons.visitId))
		.innerJoin(organisations, eq(organisations.id, lessons.organisationId))
		.where(
			and(
				more
					? or(eq(lessons.organisationId, id), eq(visits.hostOrganisationId, id))
					: inArray(lessons.id, union(own, hostedHere)),
				visible
			)
		)
		.orderBy(desc(visits.startsOn), desc(lessons.id))
		.limit(PROFILE_LIST_SIZE)
		.all();
	return { items, total: Math.min(ownCount + hostedCount, COUNT_CAP), more };
}

function profileActions(
	db: DB,
	id: number,
	viewer: Viewer,
	statuses: ('open' | 'in_progress' | 'done')[]
) {
	const where = and(
		eq(actions.ownerOrganisationId, id),
		inArray(actions.status, statuses),
		actionVisibleTo(viewer)
	);
	const { total, more } = cappedPages(db, actions, where, 1, PROFILE_LIST_SIZE);
	const items = db
		.select({
			id: actions.id,
			title: actions.title,
			status: actions.status,
			dueOn: actions.dueOn,
			visitId: actions.visitId
		})
		.from(actions)
		.where(where)
		.orderBy(statuses.includes('done') ? desc(actions.dueOn) : asc(actions.dueOn), asc(actions.id))
		.limit(PROFILE_LIST_SIZE)
		.all();
	return { items, total, more };
}

export type OrganisationProfile = NonNullable<ReturnType<typeof organisationProfile>>;
