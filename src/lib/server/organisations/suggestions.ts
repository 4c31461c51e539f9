// Suggested exchanges (staff, /peers/suggestions): one organisation wants to learn what another
// can share. Each wish is compared with every practice of the other organisations (shared themes,
// shared words), and the matches are gathered per pair of organisations, so a pair appears once
// whichever side learns. Pairs that already met on a visit are marked: staff may still want them.
import { and, desc, eq, inArray, isNull, ne, notInArray } from 'drizzle-orm';
import type { DB } from '../db';
import { organisations, practiceThemes, practices, visitOrganisations, visits } from '../db/schema';
import { STALE_AFTER_MS, cachedPerVersion } from '../db/version';
import { significantWords } from './words';
import { VISIT_STATUS, WILL_NOT_HAPPEN } from '$lib/visit-lifecycle';

export const SUGGESTIONS_PAGE_SIZE = 20;
/** A shared theme says more than a shared word; a wish keeps its best few matches only. */
export const SUGGESTION_WEIGHTS = { theme: 10, word: 4 } as const;
const MATCHES_PER_WISH = 10;

type Entry = { id: number; org: number; title: string; words: Set<string>; themes: number[] };
export type SuggestionMatch = {
	learnerId: number;
	wish: string;
	sharerId: number;
	practice: string;
	themeIds: number[];
	words: string[];
	score: number;
};
export type Suggestion = {
	a: { id: number; name: string };
	b: { id: number; name: string };
	score: number;
	matches: SuggestionMatch[];
};

function entries(db: DB) {
	const rows = db
		.select({
			id: practices.id,
			org: practices.organisationId,
			kind: practices.kind,
			title: practices.title,
			description: practices.description
		})
		.from(practices)
		.innerJoin(organisations, eq(organisations.id, practices.organisationId))
		.where(isNull(organisations.archivedAt))
		.orderBy(practices.id)
		.all();
	const links = db.select().from(practiceThemes).all();
	const themesOf = new Map<number, number[]>();
	for (const l of links) post(themesOf, l.practiceId, l.themeId);
	const toEntry = (r: (typeof rows)[number]): Entry => ({
		id: r.id,
		org: r.org,
		title: r.title,
		words: significantWords(`${r.title} ${r.description}`),
		themes: themesOf.get(r.id) ?? []
	});
	return {
		wishes: rows.filter((r) => r.kind === 'learn').map(toEntry),
		offers: rows.filter((r) => r.kind === 'share').map(toEntry)
	};
}

/** Appends to a list kept in a map: spreading the list on every append made this quadratic. */
function post<K>(index: Map<K, number[]>, key: K, value: number) {
	const list = index.get(key);
	if (list) list.push(value);
	else index.set(key, [value]);
}

/**
 * A wish's best matches, strongest first (ties in practice order). Scores are summed from the
 * offers' posting lists instead of comparing the wish with every offer that shares one word
 * with it: at the benchmark's scale (3 000 wishes, 5 000 offers) that comparison took minutes.
 */
function bestOffers(
	wish: Entry,
	offers: Entry[],
	index: { byTheme: Map<number, number[]>; byWord: Map<string, number[]> },
	scores: Int32Array
) {
	const touched: number[] = [];
	const add = (list: number[] | undefined, weight: number) => {
		for (const i of list ?? []) {
			if (offers[i].org === wish.org) continue;
			if (scores[i] === 0) touched.push(i);
			scores[i] += weight;
		}
	};
	for (const t of wish.themes) add(index.byTheme.get(t), SUGGESTION_WEIGHTS.theme);
	for (const w of wish.words) add(index.byWord.get(w), SUGGESTION_WEIGHTS.word);
	const better = (x: number, y: number) =>
		scores[x] > scores[y] || (scores[x] === scores[y] && x < y);
	const best: number[] = [];
	for (const i of touched) {
		if (best.length === MATCHES_PER_WISH && !better(i, best[best.length - 1])) continue;
		let at = best.length;
		while (at > 0 && better(i, best[at - 1])) at--;
		best.splice(at, 0, i);
		if (best.length > MATCHES_PER_WISH) best.pop();
	}
	const result = best.map((i) => ({ offer: offers[i], score: scores[i] }));
	for (const i of touched) scores[i] = 0;
	return result;
}

function computeSuggestions(db: DB): Suggestion[] {
	const { wishes, offers } = entries(db);
	const index = { byTheme: new Map<number, number[]>(), byWord: new Map<string, number[]>() };
	offers.forEach((o, i) => {
		for (const t of o.themes) post(index.byTheme, t, i);
		for (const w of o.words) post(index.byWord, w, i);
	});
	const scores = new Int32Array(offers.length);
	const pairs = new Map<string, SuggestionMatch[]>();
	for (const wish of wishes) {
		for (const { offer, score } of bestOffers(wish, offers, index, scores)) {
			const match: SuggestionMatch = {
				learnerId: wish.org,
				wish: wish.title,
				sharerId: offer.org,
				practice: offer.title,
				themeIds: wish.themes.filter((t) => offer.themes.includes(t)),
				words: [...wish.words].filter((w) => offer.words.has(w)),
				score
			};
			const key = [match.learnerId, match.sharerId].sort((x, y) => x - y).join('-');
			const list = pairs.get(key);
			if (list) list.push(match);
			else pairs.set(key, [match]);
		}
	}
	const ids = [...new Set([...pairs.keys()].flatMap((k) => k.split('-').map(Number)))];
	const names = new Map(
		ids.length
			? db
					.select({ id: organisations.id, name: organisations.name })
					.from(organisations)
					.where(inArray(organisations.id, ids))
					.all()
					.map((o) => [o.id, o.name])
			: []
	);
	return [...pairs.entries()]
		.map(([key, matches]) => {
			const [a, b] = key.split('-').map(Number);
			matches.sort((x, y) => y.score - x.score);
			return {
				a: { id: a, name: names.get(a) ?? '' },
				b: { id: b, name: names.get(b) ?? '' },
				// The best three matches: a pair with many weak ones does not outrank a strong one.
				score: matches.slice(0, 3).reduce((s, m) => s + m.score, 0),
				matches
			};
		})
		.sort(
			(x, y) =>
				y.score - x.score || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name)
		);
}

/** Computed again only when the data changes (practices move the data generation too). */
const cached = cachedPerVersion((db: DB) => computeSuggestions(db), {
	keep: 1,
	staleAfterMs: STALE_AFTER_MS
});

/** The latest visit both organisations took part in (sent, not declined or cancelled), if any. */
export function visitTogether(db: DB, a: number, b: number) {
	const of = (org: number) =>
		db
			.select({ id: visitOrganisations.visitId })
			.from(visitOrganisations)
			.where(
				and(eq(visitOrganisations.organisationId, org), ne(visitOrganisations.response, 'declined'))
			);
	return (
		db
			.select({
				id: visits.id,
				title: visits.title,
				startsOn: visits.startsOn,
				status: visits.status
			})
			.from(visits)
			.where(
				and(
					inArray(visits.id, of(a)),
					inArray(visits.id, of(b)),
					notInArray(visits.status, [VISIT_STATUS.draft, ...WILL_NOT_HAPPEN])
				)
			)
			.orderBy(desc(visits.startsOn), desc(visits.id))
			.limit(1)
			.get() ?? null
	);
}

export function listSuggestions(db: DB, wanted = 1) {
	const all = cached(db, '');
	const pages = Math.max(1, Math.ceil(all.length / SUGGESTIONS_PAGE_SIZE));
	const page = Math.min(Math.max(1, wanted), pages);
	const items = all
		.slice((page - 1) * SUGGESTIONS_PAGE_SIZE, page * SUGGESTIONS_PAGE_SIZE)
		.map((s) => ({ ...s, visited: visitTogether(db, s.a.id, s.b.id) }));
	return { items, total: all.length, page, pages };
}

/** Every suggestion (the CSV export), capped so one request stays small. */
export function exportSuggestions(db: DB, max = 5000) {
	return cached(db, '')
		.slice(0, max)
		.map((s) => ({ ...s, visited: visitTogether(db, s.a.id, s.b.id) }));
}
