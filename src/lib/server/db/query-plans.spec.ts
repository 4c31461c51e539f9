// The key queries must not fall back to reading a large table from end to end. Their plans are
// asked from SQLite (EXPLAIN QUERY PLAN) on the migrated database with the statistics of the
// scale-1 benchmark network (`npm run seed:large`, then ANALYZE): 50 000 visits, 400 000 actions,
// 200 000 lessons, 560 000 programme sessions. Rules:
// - `SCAN <large table>` fails (with or without an index: walking a whole index is still O(n)),
//   except where a query is bounded by its LIMIT and reads an index in the order it returns
//   (listed per case below);
// - the dashboard's aggregates may scan a covering index: they summarise every action by design,
//   and are computed once per data version (dashboard.ts), not once per request;
// - tiny tables (themes, organisations: a few thousand rows at most) may be scanned.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './test-db';
import type { DB } from './';
import { listVisits } from '../visits/read';
import { exportActions, listActions } from '../actions/tracking';
import { organisationProfile } from '../organisations/profile';
import { addOrganisation } from './test-fixtures';
import { listLessons } from '../lessons/record';
import { dashboard } from '../dashboard/figures';
import { listAgenda } from '../agenda/programme';

/** sqlite_stat1 rows of the scale-1 network (table, index, stat). */
const STATS: [string, string, string][] = [
	['action_updates', 'action_updates_action_idx', '327993 1 1'],
	['actions', 'actions_due_idx', '400000 56 1'],
	['actions', 'actions_lesson_idx', '400000 4'],
	['actions', 'actions_owner_due_idx', '400000 208 2 2'],
	['actions', 'actions_pending_due_idx', '143954 21'],
	['actions', 'actions_status_due_owner_idx', '400000 100000 15 2'],
	['actions', 'actions_visit_status_idx', '400000 10 3'],
	['agenda_items', 'agenda_items_uid_idx', '563379 1'],
	['agenda_items', 'agenda_items_visit_day_idx', '563379 12 4 1'],
	['lesson_themes', 'lesson_themes_theme_idx', '200000 20000'],
	['lesson_themes', 'sqlite_autoindex_lesson_themes_1', '200000 1 1'],
	['lessons', 'lessons_organisation_idx', '200000 106'],
	['lessons', 'lessons_visit_idx', '200000 5'],
	['memberships', 'memberships_organisation_idx', '10000 5'],
	['memberships', 'sqlite_autoindex_memberships_1', '10000 1 1'],
	['organisations', 'organisations_country_idx', '2000 154'],
	['organisations', 'organisations_name_unique', '2000 1'],
	['organisations', 'organisations_short_name_unique', '2000 1'],
	['themes', 'themes_slug_unique', '10 1'],
	['users', 'users_email_lower_idx', '10000 1'],
	['visit_organisations', 'sqlite_autoindex_visit_organisations_1', '115286 3 1'],
	['visit_organisations', 'visit_organisations_graph_idx', '115286 57643 28822 25 1'],
	['visit_organisations', 'visit_organisations_organisation_idx', '115286 58 1'],
	['visit_themes', 'sqlite_autoindex_visit_themes_1', '72371 2 1'],
	['visit_themes', 'visit_themes_theme_idx', '72371 7238'],
	['visits', 'visits_host_idx', '50000 26'],
	['visits', 'visits_host_starts_idx', '50000 26 2 1'],
	['visits', 'visits_proposer_idx', '50000 27'],
	['visits', 'visits_starts_on_idx', '50000 8'],
	['visits', 'visits_status_ends_on_idx', '50000 6250 3'],
	['visits', 'visits_status_starts_on_idx', '50000 6250 3']
];

const LARGE = new Set([
	'visits',
	'actions',
	'lessons',
	'visit_organisations',
	'agenda_items',
	'action_updates',
	'lesson_themes',
	'visit_themes',
	'users',
	'owner',
	'memberships'
]);

let db: DB;
let recorded: string[] = [];

beforeAll(() => {
	db = createTestDb();
	const client = db.$client;
	client.exec('ANALYZE');
	client.exec('DELETE FROM sqlite_stat1');
	const insert = client.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
	for (const row of STATS) insert.run(...row);
	// Makes the planner read the statistics just written.
	client.exec('ANALYZE sqlite_schema');
	const prepare = client.prepare.bind(client);
	client.prepare = ((source: string) => {
		recorded.push(source);
		return prepare(source);
	}) as typeof client.prepare;
});

/** The plan of every statement `work` ran, one line per step. */
function plansOf(work: () => unknown): { sql: string; plan: string[] }[] {
	recorded = [];
	work();
	return plansOfRecorded();
}

function plansOfRecorded() {
	const statements = recorded.filter((s) => /^\s*(select|with)/i.test(s));
	recorded = [];
	return statements.map((source) => {
		// Parameters change no plan here (the partial index is matched by literal SQL): nulls do.
		const parameters = source.replace(/'(?:[^']|'')*'/g, '').split('?').length - 1;
		const plan = db.$client
			.prepare(`EXPLAIN QUERY PLAN ${source}`)
			.all(...Array(parameters).fill(null)) as { detail: string }[];
		return { sql: source, plan: plan.map((p) => p.detail) };
	});
}

/**
 * Steps that read a whole large table or index, or sort every match of a paged query (a LIMIT
 * after `USE TEMP B-TREE FOR ORDER BY` still sorts all rows first); `allowed` lists accepted
 * steps by pattern.
 */
/** fullScans for work that waits (the dashboard reads its aggregates asynchronously). */
async function fullScansAsync(work: () => Promise<unknown>, allowed: RegExp[] = []) {
	recorded = [];
	await work();
	return scansIn(plansOfRecorded(), allowed);
}

function fullScans(work: () => unknown, allowed: RegExp[] = []) {
	return scansIn(plansOf(work), allowed);
}

function scansIn(plans: { sql: string; plan: string[] }[], allowed: RegExp[]) {
	return plans.flatMap(({ sql, plan }) =>
		plan
			.filter((step) => {
				if (allowed.some((a) => a.test(step))) return false;
				if (step === 'USE TEMP B-TREE FOR ORDER BY') return /\blimit\b/i.test(sql);
				const table = /^SCAN (\w+)/.exec(step)?.[1];
				return table !== undefined && LARGE.has(table);
			})
			.map((step) => `${step}  ←  ${sql.slice(0, 160)}`)
	);
}

const today = '2026-06-01';

describe('key queries use indexes at network scale', () => {
	it('visits list, filtered, first and deep page', () => {
		const filter = { status: 'completed' as const, viewerOrganisations: [1] };
		expect(fullScans(() => listVisits(db, filter))).toEqual([]);
		const deep = { key: '2008-03-01', id: 12345 };
		expect(fullScans(() => listVisits(db, { ...filter, after: deep }))).toEqual([]);
		expect(fullScans(() => listVisits(db, { ...filter, before: deep }))).toEqual([]);
	});

	it('the organisation filter (up to fifty organisations) on visits, actions and lessons', () => {
		const organisationIds = [3, 4, 5];
		// Visits are read from the organisations' index, then sorted: a few thousand at most, where
		// walking visits by date would read all of them for a rare organisation.
		expect(
			fullScans(
				() => listVisits(db, { organisationIds, viewerOrganisations: [1] }),
				[/^USE TEMP B-TREE FOR ORDER BY/]
			)
		).toEqual([]);
		// Same for the owners' actions (one index range per owner, merged by a sort).
		expect(
			fullScans(
				() => listActions(db, { organisationIds, viewer: [5], today }),
				[/^USE TEMP B-TREE FOR ORDER BY/]
			)
		).toEqual([]);
		expect(fullScans(() => listLessons(db, { organisationIds, viewer: [1, 2, 3] }))).toEqual([]);
	});

	it('overdue actions, for staff and for a member', () => {
		expect(fullScans(() => listActions(db, { overdue: true, viewer: null, today }))).toEqual([]);
		expect(fullScans(() => listActions(db, { overdue: true, viewer: [5], today }))).toEqual([]);
		expect(
			fullScans(() => listActions(db, { organisationId: 3, viewer: [5], today, page: 2 }))
		).toEqual([]);
	});

	it('lesson search: a word, a two-word phrase, for a member and for staff', () => {
		for (const q of ['inscription', 'école maternelle', 'enfants']) {
			expect(fullScans(() => listLessons(db, { q, viewer: [1, 2, 3] }))).toEqual([]);
			expect(fullScans(() => listLessons(db, { q, viewer: null }))).toEqual([]);
		}
	});

	it('the knowledge base without a search walks visits by date, bounded by its page', () => {
		// Browsing reads lessons in visit order through visits_starts_on_idx and stops after a
		// page; its capped count reads at most COUNT_CAP + 1 lessons.
		expect(
			fullScans(
				() => listLessons(db, { viewer: [1, 2, 3] }),
				[/^SCAN visits USING (COVERING )?INDEX visits_starts_on_idx/, /^SCAN lessons$/]
			)
		).toEqual([]);
	});

	it('dashboard aggregates read covering indexes only', async () => {
		// The latest visits with actions: visits by date, stopped after the list.
		const latest = /^SCAN visits USING INDEX visits_starts_on_idx/;
		expect(
			await fullScansAsync(
				() => dashboard(db, today),
				[/USING COVERING INDEX/, latest, /TEMP B-TREE/]
			)
		).toEqual([]);
	});

	it('notices a full scan (the check itself works)', () => {
		const scan = () => db.$client.prepare('SELECT count(*) FROM lessons WHERE title = ?').get('x');
		expect(fullScans(scan)).toEqual([expect.stringMatching(/^SCAN lessons/)]);
	});

	it('an export reads its sort keys in due order from an index, a page at a time', () => {
		// Walked in order and stopped after the page: never the sort of 400 000 rows it replaced.
		const inOrder = /^SCAN actions USING COVERING INDEX actions_due_idx$/;
		expect(fullScans(() => [...exportActions(db, { viewer: null, today })], [inOrder])).toEqual([]);
	});

	it("a host's visits on its profile: newest first through the index, not sorted", () => {
		const id = addOrganisation(db, 'Hôte');
		const options = { viewer: null, withContacts: false };
		const hosted = plansOf(() => organisationProfile(db, id, options)).filter(
			(p) =>
				/"visits"."host_organisation_id" = \?/.test(p.sql) &&
				/order by "visits"."starts_on" desc/.test(p.sql) &&
				!/"lessons"/.test(p.sql)
		);
		expect(hosted).toHaveLength(1);
		expect(hosted[0].plan.join(' | ')).toMatch(/visits_host_starts_idx/);
		expect(hosted[0].plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
	});

	it("a visit's programme", () => {
		expect(fullScans(() => listAgenda(db, 1))).toEqual([]);
	});
});
