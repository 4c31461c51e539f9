// "We want to learn about …": who in the network has done it. Organisations are ranked by the
// evidence the network holds, strongest first (PEER_WEIGHTS): a practice on their profile that
// says it, lessons recorded on visits they hosted, their themes (named in any of the four
// languages), then visits made on those themes and follow-up actions done on them.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { lessons, organisationThemes, organisations, visits } from '../db/schema';
import { qualified as q } from '../db/schema/columns';
import { expandedFtsQuery, lessonVisibleTo, type Viewer } from '../lessons/search';
import { listThemes } from './directory';
import { practicesWithThemes } from './practices';
import { practices } from '../db/schema';
import { ftsAll, highlight, matchingThemes, queryTerms, type Segment } from './words';

/**
 * Points per piece of evidence, with a cap on how many of each count: one matching practice
 * outweighs any number of lessons, lessons outweigh a shared theme, and visits and actions only
 * separate organisations that are otherwise alike.
 */
export const PEER_WEIGHTS = {
	practice: { points: 100, cap: 3 },
	practiceTheme: { points: 40, cap: 3 },
	hostedLesson: { points: 20, cap: 4 },
	theme: { points: 8, cap: 2 },
	visit: { points: 1, cap: 5 },
	action: { points: 1, cap: 5 }
} as const;
type Evidence = keyof typeof PEER_WEIGHTS;

export const PEERS_PAGE_SIZE = 10;
/** Candidates whose visits and actions are counted (the rest cannot overtake them). */
const RERANKED = 50;
/** Newest matching lessons read per search: enough to rank, bounded at any scale. */
const LESSON_SCAN = 1000;

type Tally = Record<Evidence, number> & { practiceIds: Set<number>; lessonIds: number[] };
const emptyTally = (): Tally => ({
	practice: 0,
	practiceTheme: 0,
	hostedLesson: 0,
	theme: 0,
	visit: 0,
	action: 0,
	practiceIds: new Set(),
	lessonIds: []
});

export function peerScore(t: Record<Evidence, number>): number {
	let score = 0;
	for (const [k, w] of Object.entries(PEER_WEIGHTS))
		score += Math.min(t[k as Evidence], w.cap) * w.points;
	return score;
}

const list = (ids: number[]) =>
	sql.join(
		(ids.length ? ids : [0]).map((id) => sql`${id}`),
		sql`, `
	);

export type PeerOptions = { viewer: Viewer; page?: number; excludeIds?: number[] };

export function findPeers(
	db: DB,
	query: string,
	{ viewer, page = 1, excludeIds = [] }: PeerOptions
) {
	const terms = queryTerms(query);
	const themes = matchingThemes(listThemes(db), terms);
	const themeIds = themes.map((t) => t.id);
	const empty = { terms, themes, items: [], total: 0, page: 1, pages: 1 };
	if (!terms.length) return empty;
	const tallies = new Map<number, Tally>();
	const tally = (id: number) => {
		let t = tallies.get(id);
		if (!t) tallies.set(id, (t = emptyTally()));
		return t;
	};
	const text = ftsAll(terms)!;
	for (const r of db.all<{ id: number; org: number }>(
		sql`SELECT p.id AS id, p.organisation_id AS org FROM practices_fts
			JOIN ${practices} p ON p.id = practices_fts.rowid
			WHERE practices_fts MATCH ${text} AND p.kind = 'share' LIMIT 5000`
	)) {
		const t = tally(r.org);
		t.practice++;
		t.practiceIds.add(r.id);
	}
	if (themeIds.length) {
		for (const r of db.all<{ id: number; org: number }>(
			sql`SELECT DISTINCT p.id AS id, p.organisation_id AS org FROM practice_themes pt
				JOIN ${practices} p ON p.id = pt.practice_id
				WHERE pt.theme_id IN (${list(themeIds)}) AND p.kind = 'share' LIMIT 5000`
		)) {
			const t = tally(r.org);
			if (t.practiceIds.has(r.id)) continue;
			t.practiceTheme++;
			t.practiceIds.add(r.id);
		}
		for (const r of db
			.select({ org: organisationThemes.organisationId })
			.from(organisationThemes)
			.where(inArray(organisationThemes.themeId, themeIds))
			.all())
			tally(r.org).theme++;
	}
	// Lessons recorded on visits an organisation hosted tell what it showed its visitors.
	const lessonMatch = expandedFtsQuery(db, terms.join(' '));
	if (lessonMatch) {
		for (const r of db.all<{ id: number; host: number }>(
			sql`SELECT ${q(lessons.id)} AS id, ${q(visits.hostOrganisationId)} AS host FROM lessons_fts
				JOIN ${lessons} ON ${q(lessons.id)} = lessons_fts.rowid
				JOIN ${visits} ON ${q(visits.id)} = ${q(lessons.visitId)}
				WHERE lessons_fts MATCH ${lessonMatch} AND ${lessonVisibleTo(viewer) ?? sql`1`}
				ORDER BY lessons_fts.rowid DESC LIMIT ${LESSON_SCAN}`
		)) {
			const t = tally(r.host);
			t.hostedLesson++;
			if (t.lessonIds.length < 3) t.lessonIds.push(r.id);
		}
	}
	for (const id of excludeIds) tallies.delete(id);
	const active = new Set(
		tallies.size
			? db
					.select({ id: organisations.id })
					.from(organisations)
					.where(
						and(inArray(organisations.id, [...tallies.keys()]), isNull(organisations.archivedAt))
					)
					.all()
					.map((o) => o.id)
			: []
	);
	const byScore = (a: [number, Tally], b: [number, Tally]) =>
		peerScore(b[1]) - peerScore(a[1]) || a[0] - b[0];
	const ranked = [...tallies.entries()].filter(([id]) => active.has(id)).sort(byScore);
	const pages = Math.max(1, Math.ceil(ranked.length / PEERS_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const head = ranked.slice(0, Math.max(RERANKED, current * PEERS_PAGE_SIZE));
	if (themeIds.length && head.length) addFollowUp(db, head, themeIds);
	head.sort(byScore);
	const shown = head.slice((current - 1) * PEERS_PAGE_SIZE, current * PEERS_PAGE_SIZE);
	return {
		terms,
		themes,
		items: describe(db, shown, terms, themeIds),
		total: ranked.length,
		page: current,
		pages
	};
}

/** Visits made on the matching themes, and follow-up actions done after them. */
function addFollowUp(db: DB, head: [number, Tally][], themeIds: number[]) {
	const ids = head.map(([id]) => id);
	const byId = new Map(head);
	const onTheme = (visit: string) =>
		sql.raw(
			`EXISTS (SELECT 1 FROM visit_themes vt WHERE vt.visit_id = ${visit} AND vt.theme_id IN (${themeIds.join(', ')}))`
		);
	for (const r of db.all<{ org: number; n: number }>(
		sql`SELECT vo.organisation_id AS org, count(*) AS n FROM visit_organisations vo
			JOIN visits v ON v.id = vo.visit_id
			WHERE vo.organisation_id IN (${list(ids)}) AND vo.response = 'accepted'
			AND v.status IN ('completed', 'closed') AND ${onTheme('v.id')}
			GROUP BY vo.organisation_id`
	))
		byId.get(r.org)!.visit = r.n;
	for (const r of db.all<{ org: number; n: number }>(
		sql`SELECT a.owner_organisation_id AS org, count(*) AS n FROM actions a
			WHERE a.owner_organisation_id IN (${list(ids)}) AND a.status = 'done' AND ${onTheme('a.visit_id')}
			GROUP BY a.owner_organisation_id`
	))
		byId.get(r.org)!.action = r.n;
}

export type PeerResult = ReturnType<typeof describe>[number];

/** The page's organisations with their evidence, matched words marked. */
function describe(db: DB, shown: [number, Tally][], terms: string[], themeIds: number[]) {
	if (!shown.length) return [];
	const ids = shown.map(([id]) => id);
	const orgs = db.select().from(organisations).where(inArray(organisations.id, ids)).all();
	const practiceIds = shown.flatMap(([, t]) => [...t.practiceIds].slice(0, 3));
	const entries = practicesWithThemes(
		db,
		practiceIds.length
			? db.select().from(practices).where(inArray(practices.id, practiceIds)).all()
			: []
	);
	const lessonIds = shown.flatMap(([, t]) => t.lessonIds);
	const lessonRows = lessonIds.length
		? db
				.select({
					id: lessons.id,
					title: lessons.title,
					visitId: lessons.visitId,
					visitTitle: visits.title
				})
				.from(lessons)
				.innerJoin(visits, eq(visits.id, lessons.visitId))
				.where(inArray(lessons.id, lessonIds))
				.all()
		: [];
	const themeLinks = db
		.select({ org: organisationThemes.organisationId, themeId: organisationThemes.themeId })
		.from(organisationThemes)
		.where(inArray(organisationThemes.organisationId, ids))
		.all();
	const mark = (s: string): Segment[] => highlight(s, terms);
	return shown.map(([id, t]) => {
		const org = orgs.find((o) => o.id === id)!;
		const own = entries.filter((e) => e.organisationId === id);
		const sharedThemes = [
			...new Set([
				...themeLinks.filter((l) => l.org === id).map((l) => l.themeId),
				...own.flatMap((e) => e.themes.map((th) => th.id))
			])
		].filter((th) => themeIds.includes(th));
		return {
			id,
			name: org.name,
			shortName: org.shortName,
			country: org.country,
			city: org.city,
			score: peerScore(t),
			evidence: {
				practices: t.practice + t.practiceTheme,
				hostedLessons: t.hostedLesson,
				themes: t.theme,
				visits: t.visit,
				actions: t.action
			},
			practices: own.map((e) => ({
				id: e.id,
				title: mark(e.title),
				description: mark(e.description),
				themeIds: e.themes.map((th) => th.id)
			})),
			lessons: t.lessonIds.flatMap((lid) => {
				const l = lessonRows.find((r) => r.id === lid);
				return l
					? [{ id: l.id, title: mark(l.title), visitId: l.visitId, visitTitle: l.visitTitle }]
					: [];
			}),
			themeIds: sharedThemes
		};
	});
}
