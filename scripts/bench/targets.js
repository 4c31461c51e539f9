// What the benchmark opens on a seeded network: the busiest visit, cursors deep in the visits
// list, the busiest organisation and one of its members, an evaluation sheet's private link (set
// on the benchmark's copy of the database) and an action to record progress on.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

// The shape of a real token (evaluations/sheet.ts: 64 base32 letters).
export const SHEET_TOKEN = 'benchsheet'.padEnd(64, 'a');

export function pickTargets(path) {
	const db = new Database(path);
	const one = (sql, ...args) =>
		db
			.prepare(sql)
			.pluck()
			.get(...args);
	const visit = one(
		`SELECT visit_id FROM agenda_items a JOIN visits v ON v.id = a.visit_id
		 WHERE v.status IN ('accepted', 'confirmed') GROUP BY visit_id ORDER BY count(*) DESC LIMIT 1`
	);
	// A cursor 40 rows before the end of a list: the page a reader reaches after paging far.
	const deep = (where) =>
		one(
			`SELECT starts_on || '_' || id FROM visits WHERE ${where}
			 ORDER BY starts_on DESC, id DESC LIMIT 1
			 OFFSET max(0, (SELECT count(*) FROM visits WHERE ${where}) - 40)`
		);
	const busiest = one(
		`SELECT organisation_id FROM visit_organisations GROUP BY organisation_id
		 ORDER BY count(*) DESC LIMIT 1`
	);
	const member = one(
		`SELECT email FROM users u JOIN memberships m ON m.user_id = u.id
		 WHERE m.organisation_id = ? AND m.role = 'member' AND u.global_role = 'member' LIMIT 1`,
		busiest
	);
	const sheet = one('SELECT max(id) FROM evaluation_responses');
	if (sheet) {
		db.prepare(
			`UPDATE evaluation_responses SET token_hash = ?, token_expires_at = ?, submitted_at = NULL
			 WHERE id = ?`
		).run(createHash('sha256').update(SHEET_TOKEN).digest('hex'), Date.now() + 864e5, sheet);
	}
	const picked = {
		visit,
		deepCompleted: deep(`status = 'completed'`),
		deepMember: deep(`status <> 'draft'`),
		busiest,
		member,
		sheet: !!sheet,
		action: one('SELECT min(id) FROM actions')
	};
	db.close();
	return picked;
}

/** The key pages; `member` ones are read as a member of the busiest organisation. */
export function routes(t) {
	const v = `/visits/${t.visit}`;
	return [
		{ name: 'visits (filtered, page 1)', path: '/visits?status=completed' },
		{ name: 'visits (deep page)', path: `/visits?status=completed&after=${t.deepCompleted}` },
		{ name: 'visits (member, deep page)', path: `/visits?after=${t.deepMember}`, member: true },
		{ name: 'visits (busiest organisation)', path: `/visits?org=${t.busiest}` },
		{ name: 'visit', path: v },
		{ name: 'agenda', path: `${v}/agenda` },
		{ name: 'printable programme', path: `${v}/agenda/print` },
		{ name: 'agenda.ics', path: `${v}/agenda.ics` },
		{ name: 'delegation', path: `${v}/delegation` },
		{ name: 'visit lessons', path: `${v}/lessons` },
		...(t.sheet ? [{ name: 'evaluation sheet', path: `/e/${SHEET_TOKEN}` }] : []),
		{ name: 'lessons search', path: '/lessons?q=lecture' },
		{ name: 'overdue actions', path: '/actions?overdue=1' },
		{ name: 'dashboard', path: '/dashboard' },
		{ name: 'peer finder', path: '/peers?q=biblioth%C3%A8que+mobile' },
		{ name: 'organisation profile', path: `/organisations/${t.busiest}` },
		{ name: 'network map', path: '/network' }
	];
}
