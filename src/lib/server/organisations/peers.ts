// "We want to learn about …": who in the network has done it. Organisations are ranked by the
// evidence the network holds, strongest first (PEER_WEIGHTS): a practice on their profile that
// says it, lessons recorded on visits they hosted, their themes (named in any of the four
// languages), then visits made on those themes and follow-up actions done on them.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../db';
import { lessons, organisationThemes, organisations, visits } from '../db/schema';
import { qualified as q } from '../db/schema/columns';
import { expandedFtsQuery, lessonVisibleTo, type Viewer } from '../lessons/search';
import { listThemes } from './directory';
import { practicesWithThemes } from './practices';
import { practices } from '../db/schema';
import { ftsAll, highlight, matchingThemes, queryTerms, type Segment } from './words';
import { TOOK_PLACE } from '$lib/visit-lifecycle';

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
/** Newest matching lessons read per search: enough to rank, bounded at any scale. */
const LESSON_SCAN = 400;
/** Matching practices read per search: a word every profile holds says little past this. */
const PRACTICE_SCAN = 2000;

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
	const run = <T>(source: string, ...params: unknown[]) =>
		db.$client.prepare(source).all(...params) as T[];
	const themeList = JSON.stringify(themeIds);
	for (const r of run<{ id: number; org: number }>(
		`SELECT p.id AS id, p.organisation_id AS org FROM practices_fts
		 JOIN practices p ON p.id = practices_fts.rowid
		 WHERE practices_fts MATCH ? AND p.kind = 'share' LIMIT ${PRACTICE_SCAN}`,
		text
	)) {
		const t = tally(r.org);
		t.practice++;
		t.practiceIds.add(r.id);
	}
	if (themeIds.length) {
		for (const r of run<{ id: number; org: number }>(
			`SELECT DISTINCT p.id AS id, p.organisation_id AS org FROM practice_themes pt
			 JOIN practices p ON p.id = pt.practice_id
			 WHERE pt.theme_id IN (SELECT value FROM json_each(?)) AND p.kind = 'share' LIMIT 5000`,
			themeList
		)) {
			const t = tally(r.org);
			if (t.practiceIds.has(r.id)) continue;
			t.practiceTheme++;
			t.practiceIds.add(r.id);
		}
		for (const r of run<{ org: number }>(
			`SELECT organisation_id AS org FROM organisation_themes
			 WHERE theme_id IN (SELECT value FROM json_each(?))`,
			themeList
		))
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
	for (const id of run<{ id: number }>(
		'SELECT id FROM organisations WHERE archived_at IS NOT NULL'
	))
		tallies.delete(id.id);
	const scores = new Map([...tallies].map(([id, t]) => [id, peerScore(t)]));
	const byScore = (a: [number, Tally], b: [number, Tally]) =>
		scores.get(b[0])! - scores.get(a[0])! || a[0] - b[0];
	const ranked = [...tallies.entries()].sort(byScore);
	const pages = Math.max(1, Math.ceil(ranked.length / PEERS_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	// Visits and actions only separate organisations otherwise alike: counted for the page shown.
	const shown = ranked.slice((current - 1) * PEERS_PAGE_SIZE, current * PEERS_PAGE_SIZE);
	if (themeIds.length && shown.length) {
		addFollowUp(db, shown, themeList);
		for (const [id, t] of shown) scores.set(id, peerScore(t));
		shown.sort(byScore);
	}
	return {
		terms,
		themes,
		items: describe(db, shown, terms, themeIds),
		total: ranked.length,
		page: current,
		pages
	};
}

/**
 * Visits made on the matching themes, and follow-up actions done after them: counted per
 * organisation only up to their cap, since more cannot change the score. A busy organisation
 * has thousands of actions; finding its first five on a theme reads a few dozen rows.
 */
function addFollowUp(db: DB, shown: [number, Tally][], themeList: string) {
	const onTheme = (visit: string) =>
		`EXISTS (SELECT 1 FROM visit_themes vt WHERE vt.visit_id = ${visit}
		 AND vt.theme_id IN (SELECT value FROM json_each(?)))`;
	const visits = db.$client.prepare(
		`SELECT count(*) FROM (SELECT 1 FROM visit_organisations vo JOIN visits v ON v.id = vo.visit_id
		 WHERE vo.organisation_id = ? AND vo.response = 'accepted'
		 AND v.status IN (${TOOK_PLACE.map((s) => `'${s}'`).join(', ')}) AND ${onTheme('v.id')} LIMIT ?)`
	);
	const actions = db.$client.prepare(
		`SELECT count(*) FROM (SELECT 1 FROM actions a
		 WHERE a.owner_organisation_id = ? AND a.status = 'done' AND ${onTheme('a.visit_id')} LIMIT ?)`
	);
	for (const [id, t] of shown) {
		t.visit = visits.pluck().get(id, themeList, PEER_WEIGHTS.visit.cap) as number;
		t.action = actions.pluck().get(id, themeList, PEER_WEIGHTS.action.cap) as number;
	}
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
