// Writes the demo evaluation (evaluation-data.ts) on its visit: opened with the current template,
// a sheet for every delegate, the private links stored as SHA-256 of tokens nobody keeps.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { delegates, evaluationAnswers, evaluationResponses, evaluations } from '../db/schema';
import { currentTemplate } from '../evaluations/template';
import { generateSessionToken, sessionIdFromToken } from '../accounts/sessions';
import { DEMO_EVALUATION } from './evaluation-data';

const DAY = 24 * 60 * 60 * 1000;
const at = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T10:00:00Z`) + plusDays * DAY);

export function seedDemoEvaluation(tx: Tx, visitId: number, now: Date) {
	const template = currentTemplate(tx);
	const openedAt = at(DEMO_EVALUATION.openedOn);
	const { id: evaluationId } = tx
		.insert(evaluations)
		.values({ visitId, templateId: template.id, anonymous: DEMO_EVALUATION.anonymous, openedAt })
		.returning({ id: evaluations.id })
		.get();
	for (const d of tx.select().from(delegates).where(eq(delegates.visitId, visitId)).all()) {
		const sheet = DEMO_EVALUATION.sheets.find((s) => s.delegate === d.name);
		const { id: responseId } = tx
			.insert(evaluationResponses)
			.values({
				evaluationId,
				delegateId: d.id,
				organisationId: d.organisationId,
				respondentName: d.name,
				userId: d.userId,
				tokenHash: sessionIdFromToken(generateSessionToken()),
				// The draft can still be finished, whenever the demo runs.
				tokenExpiresAt: new Date(now.getTime() + 60 * DAY),
				sentAt: openedAt,
				firstOpenedAt: sheet ? at(sheet.savedOn) : null,
				savedAt: sheet ? at(sheet.savedOn) : null,
				submittedAt: sheet?.submittedOn ? at(sheet.submittedOn) : null,
				// Both automatic reminders went out long ago: the demo's first job run mails nobody.
				autoReminders: sheet?.submittedOn ? 0 : 2,
				remindedAt: sheet?.submittedOn ? null : at(DEMO_EVALUATION.openedOn, 7),
				createdAt: openedAt
			})
			.returning({ id: evaluationResponses.id })
			.get();
		for (const [code, answer] of Object.entries(sheet?.answers ?? {})) {
			const question = template.questions.find((q) => q.code === code);
			if (!question) throw new Error(`The demo evaluation answers an unknown question: ${code}`);
			tx.insert(evaluationAnswers)
				.values({
					responseId,
					questionId: question.id,
					value: typeof answer === 'number' ? answer : null,
					text: typeof answer === 'string' ? answer : null
				})
				.run();
		}
	}
}
