import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { readableVisit } from '$lib/server/http/visit';
import { currentTemplate, templateById } from '$lib/server/evaluations/template';
import { openEvaluation, sendToNewDelegates } from '$lib/server/evaluations/links';
import { remindAll, resendLink } from '$lib/server/evaluations/reminders';
import { evaluationRoster } from '$lib/server/evaluations/roster';
import { sheetOfUser } from '$lib/server/evaluations/sheet';
import { positiveId } from '$lib/schemas/common';
import { isGoingAhead } from '$lib/visit-lifecycle';

function context(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { actor, visit, target } = readableVisit(event);
	const evaluated = { id: visit.id, title: visit.title, languages: visit.languages };
	const ctx = { actorId: actor.id, origin: event.url.origin };
	return { actor, visit, target, evaluated, ctx };
}

function requireManage(c: ReturnType<typeof context>) {
	if (!can(c.actor, 'evaluation.manage', c.target)) error(403, 'Forbidden');
}

export const load: PageServerLoad = (event) => {
	const { actor, visit, target } = context(event);
	const db = getDb();
	const manage = can(actor, 'evaluation.manage', target);
	const mine = sheetOfUser(db, visit.id, actor.id);
	// The list of who answered is the coordinators' business; a delegate sees their own sheet.
	if (!manage && !mine) error(404, 'Not found');
	const { evaluation, rows } = evaluationRoster(db, visit.id);
	const template = evaluation ? templateById(db, evaluation.templateId) : currentTemplate(db);
	return {
		visit: { id: visit.id, title: visit.title, status: visit.status },
		manage,
		canOpen: can(actor, 'evaluation.open', target),
		// Opening before the visit is over needs an explicit choice.
		early: isGoingAhead(visit.status),
		evaluation: evaluation && { openedAt: evaluation.openedAt, anonymous: evaluation.anonymous },
		template: { version: template?.version ?? 0, questions: template?.questions.length ?? 0 },
		rows: manage ? rows : [],
		mine: mine && { submitted: !!mine.response.submittedAt }
	};
};

export const actions: Actions = {
	open: async (event) => {
		const form = await event.request.formData();
		const c = context(event);
		if (!can(c.actor, 'evaluation.open', c.target)) error(403, 'Forbidden');
		if (isGoingAhead(c.visit.status) && form.get('early') !== 'on') {
			return fail(400, { earlyRequired: true, anonymous: form.get('anonymous') === 'on' });
		}
		const result = openEvaluation(getDb(), c.ctx, c.evaluated, {
			anonymous: form.get('anonymous') === 'on'
		});
		if (!result.ok) return fail(409, { alreadyOpen: true });
		return { opened: result.sent.length, unreachable: result.unreachable };
	},
	remind: async (event) => {
		await event.request.formData();
		const c = context(event);
		requireManage(c);
		const result = remindAll(getDb(), c.ctx, c.evaluated);
		if (!result) error(404, 'Not found');
		return { reminded: result };
	},
	resend: async (event) => {
		const form = await event.request.formData();
		const c = context(event);
		requireManage(c);
		const id = positiveId(form.get('responseId'));
		const row = evaluationRoster(getDb(), c.visit.id).rows.find((r) => r.responseId === id);
		if (!id || !row) error(404, 'Not found');
		const outcome = resendLink(getDb(), c.ctx, c.evaluated, id);
		if (outcome === 'not_found') error(404, 'Not found');
		return { resent: { name: row.name, outcome } };
	},
	sendNew: async (event) => {
		await event.request.formData();
		const c = context(event);
		requireManage(c);
		const result = sendToNewDelegates(getDb(), c.ctx, c.evaluated);
		if (!result) error(404, 'Not found');
		return { sentNew: result };
	}
};
