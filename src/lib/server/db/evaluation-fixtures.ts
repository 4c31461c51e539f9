// Builders for evaluation unit tests: an evaluation opened with the current template, and sheets
// answered by code (`{ overall: 4, suggestions: 'Plus de temps' }`).
import { randomBytes } from 'node:crypto';
import type { DB } from './index';
import { delegates, evaluationAnswers, evaluationResponses, evaluations, outbox } from './schema';
import { addOrganisation, addVisit } from './test-fixtures';
import { currentTemplate, type Question } from '../evaluations/template';
import { openEvaluation } from '../evaluations/links';
import { withLocale } from '../http/locale';

export type TestEvaluation = { id: number; question: (code: string) => Question };

export function openTestEvaluation(db: DB, visitId: number, anonymous = false): TestEvaluation {
	const template = currentTemplate(db);
	const id = db
		.insert(evaluations)
		.values({ visitId, templateId: template.id, anonymous })
		.returning()
		.get().id;
	return {
		id,
		question: (code) => {
			const q = template.questions.find((x) => x.code === code);
			if (!q) throw new Error(`no question ${code} in the current template`);
			return q;
		}
	};
}

export function addSheet(
	db: DB,
	evaluation: TestEvaluation,
	sheet: {
		organisationId: number;
		name: string;
		submitted?: boolean;
		answers?: Record<string, number | string>;
	}
) {
	const now = new Date('2024-06-01T10:00:00Z');
	const id = db
		.insert(evaluationResponses)
		.values({
			evaluationId: evaluation.id,
			organisationId: sheet.organisationId,
			respondentName: sheet.name,
			tokenHash: randomBytes(32).toString('hex'),
			tokenExpiresAt: new Date('2099-01-01T00:00:00Z'),
			sentAt: now,
			savedAt: now,
			submittedAt: sheet.submitted === false ? null : now
		})
		.returning()
		.get().id;
	for (const [code, answer] of Object.entries(sheet.answers ?? {})) {
		db.insert(evaluationAnswers)
			.values({
				responseId: id,
				questionId: evaluation.question(code).id,
				value: typeof answer === 'number' ? answer : null,
				text: typeof answer === 'string' ? answer : null
			})
			.run();
	}
	return id;
}

/**
 * A completed DT ← KEOOGO visit whose evaluation was opened (at `now`) for its one delegate:
 * the private link's token, read from the mail sent like a delegate would.
 */
export function oneDelegateLink(db: DB, origin: string, now?: Date): string {
	const host = addOrganisation(db, 'DT');
	const visitor = addOrganisation(db, 'KEOOGO');
	const visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2025-03-01',
		endsOn: '2025-03-05',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[host, 'host'],
			[visitor, 'visitor']
		]
	});
	db.insert(delegates)
		.values({ visitId, organisationId: visitor, name: 'Safiatou', email: 's@k.test' })
		.run();
	withLocale('fr', origin, () =>
		openEvaluation(
			db,
			{ actorId: null, origin, now },
			{ id: visitId, title: 'V', languages: [] },
			{ anonymous: false }
		)
	);
	return db
		.select()
		.from(outbox)
		.get()!
		.body.match(/\/e\/([a-z2-7]{64})/)![1];
}
