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
		.all();
	const links = db.select().from(practiceThemes).all();
	const themesOf = new Map<number, number[]>();
	for (const l of links)
		themesOf.set(l.practiceId, [...(themesOf.get(l.practiceId) ?? []), l.themeId]);
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

function computeSuggestions(db: DB): Suggestion[] {
	const { wishes, offers } = entries(db);
	const byTheme = new Map<number, Entry[]>();
	const byWord = new Map<string, Entry[]>();
	for (const o of offers) {
		for (const t of o.themes) byTheme.set(t, [...(byTheme.get(t) ?? []), o]);
		for (const w of o.words) byWord.set(w, [...(byWord.get(w) ?? []), o]);
	}
	const pairs = new Map<string, SuggestionMatch[]>();
	for (const wish of wishes) {
		const candidates = new Set<Entry>();
		for (const t of wish.themes) for (const o of byTheme.get(t) ?? []) candidates.add(o);
		for (const w of wish.words) for (const o of byWord.get(w) ?? []) candidates.add(o);
		const matches: SuggestionMatch[] = [];
		for (const o of candidates) {
			if (o.org === wish.org) continue;
			const themeIds = wish.themes.filter((t) => o.themes.includes(t));
			const words = [...wish.words].filter((w) => o.words.has(w));
			const score =
				SUGGESTION_WEIGHTS.theme * themeIds.length + SUGGESTION_WEIGHTS.word * words.length;
			if (score > 0)
				matches.push({
					learnerId: wish.org,
					wish: wish.title,
					sharerId: o.org,
					practice: o.title,
					themeIds,
					words,
					score
				});
		}
		matches.sort((x, y) => y.score - x.score);
		for (const match of matches.slice(0, MATCHES_PER_WISH)) {
			const key = [match.learnerId, match.sharerId].sort((x, y) => x - y).join('-');
			pairs.set(key, [...(pairs.get(key) ?? []), match]);
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
