import { asc } from 'drizzle-orm';
import type { DB } from '../db';
import { organisations } from '../db/schema';
import { cachedPerVersion } from '../db/version';
import { positiveId } from '$lib/schemas/common';
import { LIMITS } from '$lib/schemas/limits';

/**
 * Real networks have a few dozen organisations: a <select> is the easiest filter there. A large
 * network's list would be most of every list page (HTML and hydration data), so above this size
 * the filter becomes a text field the server resolves.
 */
export const ORGANISATION_SELECT_MAX = 60;
/** A vague query ("a") must not turn into an IN list of thousands of ids. */
export const ORGANISATION_MATCH_CAP = 50;
const QUERY_MAX = LIMITS.search.query;

type Option = { value: number; label: string };
type Match = { id: number; name: string };

export type OrganisationField =
	| { kind: 'select'; options: Option[]; selected?: number }
	| { kind: 'text'; query: string; matches: Match[]; more: boolean; active: boolean };

/** Case- and accent-insensitive form, so "keoogo" or "reseau" find "KEOOGO" or "Réseau". */
export const fold = (s: string) =>
	s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const directory = cachedPerVersion((db: DB) =>
	db
		.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
		.from(organisations)
		.orderBy(asc(organisations.name))
		.all()
		.map((o) => ({ id: o.id, name: o.name, keys: [fold(o.name), fold(o.shortName)] }))
);

/** Organisations whose name or short name contains the query; an exact name wins alone. */
export function matchOrganisations(db: DB, query: string, cap = ORGANISATION_MATCH_CAP) {
	const wanted = fold(query);
	const all = directory(db, '');
	if (!wanted) return { matches: [] as Match[], more: false };
	const exact = all.filter((o) => o.keys.includes(wanted));
	const found = exact.length ? exact : all.filter((o) => o.keys.some((k) => k.includes(wanted)));
	return {
		matches: found.slice(0, cap).map(({ id, name }) => ({ id, name })),
		more: found.length > cap
	};
}

/**
 * Reads `?org=<id>` (links from other pages, and the <select>) or `?orgq=<text>` (the text field)
 * into the ids to filter by — undefined for no filter, [] when nothing matches — and what the
 * field shows. `options` gives the <select>'s choices for small networks (a page may offer fewer
 * organisations than exist, e.g. only those with lessons).
 */
export function readOrganisationFilter(
	db: DB,
	params: URLSearchParams,
	options: () => Option[] = () => directory(db, '').map((o) => ({ value: o.id, label: o.name }))
): { ids?: number[]; field: OrganisationField } {
	const id = positiveId(params.get('org')) ?? undefined;
	const all = directory(db, '');
	if (all.length <= ORGANISATION_SELECT_MAX) {
		return {
			ids: id ? [id] : undefined,
			field: { kind: 'select', options: options(), selected: id }
		};
	}
	if (id) {
		const org = all.find((o) => o.id === id);
		const matches = org ? [{ id: org.id, name: org.name }] : [];
		return {
			ids: [id],
			field: { kind: 'text', query: org?.name ?? '', matches, more: false, active: true }
		};
	}
	const query = (params.get('orgq') ?? '').slice(0, QUERY_MAX);
	if (!fold(query)) {
		return { field: { kind: 'text', query: '', matches: [], more: false, active: false } };
	}
	const { matches, more } = matchOrganisations(db, query);
	return {
		ids: matches.map((m) => m.id),
		field: { kind: 'text', query, matches, more, active: true }
	};
}
