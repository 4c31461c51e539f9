// Builders for evaluation unit tests: an evaluation opened with the current template, and sheets
// answered by code (`{ overall: 4, suggestions: 'Plus de temps' }`).
import { randomBytes } from 'node:crypto';
import type { DB } from './index';
import { evaluationAnswers, evaluationResponses, evaluations } from './schema';
import { currentTemplate, type Question } from '../evaluation-template';

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
