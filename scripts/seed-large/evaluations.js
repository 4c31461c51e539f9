// Evaluations on the visits that took place, with the current template (migration 0010's default
// unless staff changed it): a sheet per delegate, most submitted, some drafts, some never
// touched; exactly 300 000 answers at scale 1. Each visit has its own mood, so means differ
// from visit to visit and the /evaluations comparisons have something to show.
import { createHash } from 'node:crypto';
import { addDays, sentence } from './random.js';

const BASE = { answers: 300_000 };
const DAY = 86_400_000;
/** Share of the visits that took place whose evaluation gets opened (until the answers run out). */
const OPENED = 0.6;

const at = (day, plus = 0) => Date.parse(`${day}T10:00:00Z`) + plus * DAY;

export function seedEvaluations({ client, random, scale, parties, counts, step }) {
	const target = Math.round(BASE.answers * scale);
	const happened = parties.filter((p) => p.status === 'completed' || p.status === 'closed');
	const totals = { evaluations: 0, evaluationResponses: 0, evaluationAnswers: 0 };
	step('evaluations', () => {
		const template = client
			.prepare('SELECT id FROM evaluation_templates ORDER BY version DESC LIMIT 1')
			.get();
		if (!template) throw new Error('No evaluation template: migration 0010 has not run.');
		const questions = client
			.prepare(
				'SELECT id, kind, choices FROM evaluation_questions WHERE template_id = ? ORDER BY position'
			)
			.all(template.id)
			.map((q) => ({ ...q, options: q.choices ? JSON.parse(q.choices).length : 0 }));
		const byVisit = new Map();
		for (const d of client
			.prepare('SELECT id, visit_id, organisation_id, name FROM delegates ORDER BY id')
			.all()) {
			if (!byVisit.has(d.visit_id)) byVisit.set(d.visit_id, []);
			byVisit.get(d.visit_id).push(d);
		}
		const insertEvaluation = client.prepare(
			`INSERT INTO evaluations (id, visit_id, template_id, anonymous, opened_at) VALUES (?, ?, ?, ?, ?)`
		);
		const insertResponse = client.prepare(
			`INSERT INTO evaluation_responses (id, evaluation_id, delegate_id, organisation_id, respondent_name,
			 token_hash, token_expires_at, sent_at, first_opened_at, saved_at, submitted_at, created_at,
			 auto_reminders)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const insertAnswer = client.prepare(
			'INSERT INTO evaluation_answers (response_id, question_id, value, text) VALUES (?, ?, ?, ?)'
		);
		/** One sheet's answers: a rating near the visit's mood, yes mostly, text now and then. */
		const answersFor = (mood) =>
			questions.flatMap((q) => {
				switch (q.kind) {
					case 'rating':
						return [[q.id, Math.min(5, Math.max(1, mood + random.int(-1, 1))), null]];
					case 'yes_no':
						return [[q.id, random.chance(0.7) ? 1 : 0, null]];
					case 'choice':
						return [[q.id, random.int(0, q.options - 1), null]];
					default:
						return random.chance(0.45) ? [[q.id, null, sentence(random, random.int(6, 30))]] : [];
				}
			});

		let responseId = 0;
		for (const visit of happened) {
			if (totals.evaluationAnswers >= target) break;
			const delegates = byVisit.get(visit.id);
			if (!delegates?.length || !random.chance(OPENED)) continue;
			const evaluationId = ++totals.evaluations;
			const opened = addDays(visit.endsOn, 1);
			insertEvaluation.run(
				evaluationId,
				visit.id,
				template.id,
				random.chance(0.2) ? 1 : 0,
				at(opened)
			);
			const mood = random.int(2, 5);
			for (const d of delegates) {
				const id = ++responseId;
				const roll = random.next();
				// 75 % submitted, 10 % a draft, the rest never opened the link.
				let answers = roll < 0.85 ? answersFor(mood) : [];
				let submitted = roll < 0.75;
				if (roll >= 0.75 && roll < 0.85) answers = answers.slice(0, random.int(1, answers.length));
				// The last sheet stops at the target: what did not fit stays a draft.
				const room = target - totals.evaluationAnswers;
				if (answers.length > room) {
					answers = answers.slice(0, room);
					submitted = false;
				}
				const touched = answers.length ? at(opened, random.int(1, 20)) : null;
				insertResponse.run(
					id,
					evaluationId,
					d.id,
					d.organisation_id,
					d.name,
					createHash('sha256').update(`bench-evaluation-${id}`).digest('hex'),
					at(opened, 60),
					at(opened),
					touched,
					touched,
					submitted ? touched : null,
					at(opened),
					// Past evaluations: the automatic reminders went out long ago.
					submitted ? 0 : 2
				);
				for (const [questionId, value, text] of answers)
					insertAnswer.run(id, questionId, value, text);
				totals.evaluationAnswers += answers.length;
			}
			totals.evaluationResponses = responseId;
		}
	});
	Object.assign(counts, totals);
}
