import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DB } from './db';
import { organisations, themes, visitOrganisations, visitThemes, visits } from './db/schema';
import type { VisitStatus } from '../enums';

export const VISITS_PAGE_SIZE = 20;

export type VisitFilter = { status?: VisitStatus; page?: number };

function participants(db: DB, visitIds: number[]) {
	if (!visitIds.length) return [];
	return db
		.select({
			visitId: visitOrganisations.visitId,
			organisationId: visitOrganisations.organisationId,
			role: visitOrganisations.role,
			response: visitOrganisations.response,
			reason: visitOrganisations.reason,
			name: organisations.name,
			shortName: organisations.shortName,
			country: organisations.country,
			city: organisations.city
		})
		.from(visitOrganisations)
		.innerJoin(organisations, eq(visitOrganisations.organisationId, organisations.id))
		.where(inArray(visitOrganisations.visitId, visitIds))
		.orderBy(asc(organisations.shortName))
		.all();
}

/** One page of visits, newest first, with their organisations (three queries per page). */
export function listVisits(db: DB, filter: VisitFilter = {}) {
	const where = filter.status ? eq(visits.status, filter.status) : undefined;
	const total = db.select({ n: count() }).from(visits).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / VISITS_PAGE_SIZE));
	const page = Math.min(Math.max(1, filter.page ?? 1), pages);
	const rows = db
		.select({
			id: visits.id,
			title: visits.title,
			kind: visits.kind,
			status: visits.status,
			startsOn: visits.startsOn,
			endsOn: visits.endsOn,
			timeZone: visits.timeZone,
			place: visits.place,
			hostOrganisationId: visits.hostOrganisationId
		})
		.from(visits)
		.where(where)
		.orderBy(desc(visits.startsOn), desc(visits.id))
		.limit(VISITS_PAGE_SIZE)
		.offset((page - 1) * VISITS_PAGE_SIZE)
		.all();
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
	return { items, total, page, pages };
}

export function getVisit(db: DB, id: number) {
	const visit = db.select().from(visits).where(eq(visits.id, id)).get();
	if (!visit) return undefined;
	const orgs = participants(db, [id]);
	const visitThemeRows = db
		.select({ theme: themes })
		.from(visitThemes)
		.innerJoin(themes, eq(visitThemes.themeId, themes.id))
		.where(eq(visitThemes.visitId, id))
		.orderBy(asc(themes.slug))
		.all();
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
	if (visit.status !== 'accepted' && visit.status !== 'confirmed') return false;
	const today = format(new TZDate(now, visit.timeZone), 'yyyy-MM-dd');
	return visit.startsOn <= today && today <= visit.endsOn;
}

// Imported inline so this helper stays a self-contained block at the end of the file.
type VisitTarget = import('./policy').VisitTarget;

/** What the policy needs to know about a visit, from what `getVisit` returns. */
export function visitTarget(visit: NonNullable<ReturnType<typeof getVisit>>): VisitTarget {
	const { kind, status, hostOrganisationId, proposerOrganisationId } = visit;
	const participants = [
		...(visit.host ? [visit.host] : []),
		...visit.visitors,
		...visit.facilitators
	].map(({ organisationId, role, response }) => ({ organisationId, role, response }));
	return { kind, status, hostOrganisationId, proposerOrganisationId, participants };
}
