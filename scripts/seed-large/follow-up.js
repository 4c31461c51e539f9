// Lessons (multilingual, so full-text search has real work) and actions with their progress
// notes, on the visits that happened. Lessons go in before the FTS triggers' cost would matter:
// the index is rebuilt once at the end.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, sentence } from './random.js';
import { REFERENCE_DAY } from './core.js';

const BASE = { lessons: 200_000, actions: 400_000 };
const STATUSES = ['open', 'in_progress', 'done', 'done', 'done', 'dropped'];

export function seedFollowUp({ client, random, scale, parties, themes, counts, step }) {
	const happened = parties.filter((p) => p.status === 'completed' || p.status === 'closed');
	const lessons = Math.round(BASE.lessons * scale);
	const actions = Math.round(BASE.actions * scale);
	step('lessons', () => {
		// Triggers would update the index row by row; one rebuild at the end is much faster.
		client.exec(
			'DROP TRIGGER IF EXISTS lessons_fts_insert; DROP TRIGGER IF EXISTS lessons_fts_update;'
		);
		const insert = client.prepare(
			`INSERT INTO lessons (id, visit_id, organisation_id, title, observed, adaptation, visibility)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		);
		const theme = client.prepare(
			'INSERT OR IGNORE INTO lesson_themes (lesson_id, theme_id) VALUES (?, ?)'
		);
		for (let id = 1; id <= lessons; id++) {
			const visit = random.pick(happened);
			const locale = random.chance(0.7) ? 'fr' : random.pick(['en', 'es', 'ar']);
			insert.run(
				id,
				visit.id,
				random.pick(visit.visitors),
				sentence(random, 6, locale),
				sentence(random, random.int(20, 60), locale),
				sentence(random, random.int(10, 40), locale),
				random.chance(0.2) ? 'participants' : 'network'
			);
			theme.run(id, random.pick(themes));
		}
	});
	step('lesson search index', () => {
		client.exec(`INSERT INTO lessons_fts(lessons_fts) VALUES ('rebuild')`);
	});
	restoreTriggers(client);
	step('actions and progress notes', () => {
		const insert = client.prepare(
			`INSERT INTO actions (id, visit_id, lesson_id, title, details, owner_organisation_id, due_on, status)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const update = client.prepare(
			`INSERT INTO action_updates (action_id, note, from_status, to_status) VALUES (?, ?, ?, ?)`
		);
		for (let id = 1; id <= actions; id++) {
			const visit = random.pick(happened);
			const due = addDays(visit.endsOn, random.int(30, 540));
			// Older actions are mostly settled; recent ones still open, some overdue.
			const status =
				due < REFERENCE_DAY ? random.pick(STATUSES) : random.pick(STATUSES.slice(0, 3));
			insert.run(
				id,
				visit.id,
				random.chance(0.5) && lessons ? random.int(1, lessons) : null,
				sentence(random, 7),
				sentence(random, 20),
				random.pick(visit.visitors),
				due,
				status
			);
			if (status !== 'open') update.run(id, sentence(random, 12), 'open', status);
		}
	});
	Object.assign(counts, { lessons, actions });
}

/** Puts back the triggers the FTS migration made, read from that migration itself. */
function restoreTriggers(client) {
	const file = readdirSync('drizzle').find((f) => f.endsWith('_lessons_fts.sql'));
	const statements = readFileSync(join('drizzle', file), 'utf8').split('--> statement-breakpoint');
	for (const statement of statements) {
		if (/CREATE TRIGGER `lessons_fts_(insert|update)`/.test(statement)) client.exec(statement);
	}
}
