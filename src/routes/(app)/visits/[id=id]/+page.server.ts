import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { visitEvaluation } from '$lib/server/evaluations/results';
import { getDb } from '$lib/server/db';
import { readableVisit } from '$lib/server/http/visit';
import { can, coordinates, counterparts } from '$lib/server/policy';
import { entityHistory } from '$lib/server/audit/log';
import { missingLogisticsCount } from '$lib/server/delegations/delegates';
import { sheetOfUser } from '$lib/server/evaluations/sheet';
import { toldOf } from '$lib/server/visits/workflow';
import { deleteDraft, moveVisit } from '$lib/server/visits/transitions';
import {
	answerDates,
	answerVisit,
	openDateProposals,
	proposeDates
} from '$lib/server/visits/answers';
import { answerSchema, datesSchema, reasonSchema } from '$lib/schemas/visit';
import { positiveId, type FieldErrors } from '$lib/schemas/common';
import { checkForm } from '$lib/server/http/forms';
import { keptPagesOf } from '$lib/offline/keepable';
import {
	ANSWERS,
	TRANSITIONS,
	TRANSITION_NAMES,
	nextStatus,
	unmet,
	type Transition
} from '$lib/visit-lifecycle';

function visitFor(event: RequestEvent) {
	const { actor, visit, target: rules } = readableVisit(event);
	// The workflow names the visit in what it records and sends: the rules' view, id and title.
	const target = { ...rules, id: visit.id, title: visit.title };
	const ctx = { actorId: actor.id, origin: event.url.origin };
	return { actor, visit, target, ctx };
}

export const load: PageServerLoad = (event) => {
	const { actor, visit, target } = visitFor(event);
	const db = getDb();
	const proposals = openDateProposals(db, visit.id);
	const canMove = (t: Transition, now?: Date) =>
		can(actor, 'visit.transition', { visit: target, transition: t, now });
	return {
		visit,
		// Who hears of each move, named on its confirmation panel.
		told: Object.fromEntries(
			[...TRANSITION_NAMES, 'decline' as const].map((t) => [
				t,
				toldOf(target, (t === 'decline' ? ANSWERS[t] : TRANSITIONS[t]).tells)
			])
		),
		reopenTo: nextStatus(visit.status, 'reopen'),
		// Offered from its first day: say so rather than leave the reader looking for the button.
		completeLater:
			!canMove('complete') && canMove('complete', new Date(`${visit.startsOn}T23:59:59Z`)),
		can: {
			edit: can(actor, 'visit.edit', target),
			deleteDraft: can(actor, 'visit.deleteDraft', target),
			...Object.fromEntries(TRANSITION_NAMES.map((t) => [t, canMove(t)]))
		} as Record<'edit' | 'deleteDraft' | Transition, boolean>,
		datesFor: counterparts(target).filter((o) =>
			can(actor, 'visit.proposeDates', { visit: target, organisationId: o })
		),
		answerFor: counterparts(target).filter((o) =>
			can(actor, 'visit.answer', { visit: target, organisationId: o })
		),
		proposals: proposals.map((p) => ({
			...p,
			canAnswer: can(actor, 'visit.answerDates', { visit: target, proposedBy: p.organisationId })
		})),
		timeline: entityHistory(db, 'visit', visit.id),
		// A count of who still lacks something is logistics too: for those who read every delegate.
		missingLogistics: can(actor, 'delegate.readDetails', { visit: target })
			? missingLogisticsCount(db, visit.id)
			: 0,
		// Coordinators follow the evaluation there; a delegate finds their own sheet there.
		evaluationLink:
			can(actor, 'evaluation.manage', target) || !!sheetOfUser(db, visit.id, actor.id),
		// Every member of the visit's organisations reads the results, once there is an evaluation.
		resultsLink: can(actor, 'evaluation.results', target) && !!visitEvaluation(db, visit.id),
		keepOffline: can(actor, 'visit.keepOffline', target)
			? keptPagesOf(visit.id, !!sheetOfUser(db, visit.id, actor.id))
			: null
	};
};

/** The organisation a coordinator acts for on this visit, to name it in notifications. */
function actingFor(
	actor: ReturnType<typeof visitFor>['actor'],
	target: ReturnType<typeof visitFor>['target']
) {
	return actor.memberships.find(
		(m) =>
			coordinates(actor, m.organisationId) &&
			target.participants.some((p) => p.organisationId === m.organisationId)
	)?.organisationId;
}

export const actions: Actions = {
	deleteDraft: async (event) => {
		const form = await event.request.formData();
		const { actor, target, ctx } = visitFor(event);
		if (!can(actor, 'visit.deleteDraft', target)) error(403, 'Forbidden');
		// Cannot be undone: a first submit (without JavaScript) opens the confirmation panel.
		if (form.get('confirm') !== 'yes') return fail(400, { confirming: 'deleteDraft' });
		if (!deleteDraft(getDb(), ctx, target.id)) return fail(409, { conflict: true });
		redirect(303, '/?done=draft-deleted');
	},
	move: async (event) => {
		// The form first: with no await between reading the visit and writing, nothing can change
		// the visit in between (better-sqlite3 is synchronous).
		const form = await event.request.formData();
		const { actor, target, ctx } = visitFor(event);
		const transition = form.get('transition') as Transition;
		if (!TRANSITION_NAMES.includes(transition)) error(400, 'Unknown transition');
		if (!can(actor, 'visit.transition', { visit: target, transition })) error(403, 'Forbidden');
		const move = TRANSITIONS[transition];
		// The policy has checked that the visit has begun where that matters.
		const missing = unmet(move, { confirmed: form.get('confirm') === 'yes', begun: true });
		// A first submit of a move that is asked first (without JavaScript) opens its panel.
		if (missing.includes('confirmation')) {
			return fail(400, { confirming: transition, moveErrors: {} as FieldErrors });
		}
		let reason: string | undefined;
		if (move.reason) {
			const parsed = checkForm(form, reasonSchema, { keep: ['reason'] });
			if (!parsed.ok) {
				return fail(400, {
					confirming: transition,
					moveErrors: parsed.errors,
					moveValues: parsed.values
				});
			}
			reason = parsed.data.reason;
		}
		if (!moveVisit(getDb(), ctx, target, transition, reason, actingFor(actor, target))) {
			return fail(409, { conflict: true });
		}
		return { moved: transition };
	},
	answer: async (event) => {
		// The form first: with no await between reading the visit and writing, nothing can change
		// the visit in between (better-sqlite3 is synchronous).
		const form = await event.request.formData();
		const { actor, target, ctx } = visitFor(event);
		const parsed = checkForm(form, answerSchema, {
			keep: ['organisationId', 'response', 'reason']
		});
		// Only the reason is typed: anything else wrong was not sent by the page.
		if (!parsed.ok && (parsed.errors.organisationId || parsed.errors.response)) {
			error(400, 'Bad answer');
		}
		if (!parsed.ok) {
			const answerFor = Number(parsed.values.organisationId);
			const dateValues = { reason: parsed.values.reason };
			return fail(400, { answerFor, answerErrors: parsed.errors, dateValues });
		}
		const { organisationId, response, reason } = parsed.data;
		if (!can(actor, 'visit.answer', { visit: target, organisationId })) error(403, 'Forbidden');
		const decline = response === 'declined';
		const confirmed = form.get('confirm') === 'yes';
		// Declining cannot be taken back: a first submit (without JavaScript) opens its panel.
		if (decline && unmet(ANSWERS.decline, { confirmed, reason }).includes('confirmation')) {
			return fail(400, { answerFor: organisationId, confirmDecline: true });
		}
		if (decline && !reason) {
			return fail(400, {
				answerFor: organisationId,
				answerErrors: { reason: 'required' as const }
			});
		}
		answerVisit(getDb(), ctx, target, organisationId, response, reason);
		return { answered: response };
	},
	dates: async (event) => {
		// The form first: with no await between reading the visit and writing, nothing can change
		// the visit in between (better-sqlite3 is synchronous).
		const form = await event.request.formData();
		const { actor, target, ctx } = visitFor(event);
		const parsed = checkForm(form, datesSchema, {
			keep: ['organisationId', 'startsOn', 'endsOn', 'note']
		});
		const { values } = parsed;
		if (!parsed.ok) {
			return fail(400, {
				answerFor: Number(values.organisationId),
				dateValues: values,
				dateErrors: parsed.errors
			});
		}
		if (
			!can(actor, 'visit.proposeDates', {
				visit: target,
				organisationId: parsed.data.organisationId
			})
		) {
			error(403, 'Forbidden');
		}
		proposeDates(getDb(), ctx, target, parsed.data);
		return { datesProposed: true };
	},
	answerDates: async (event) => {
		// The form first: with no await between reading the visit and writing, nothing can change
		// the visit in between (better-sqlite3 is synchronous).
		const form = await event.request.formData();
		const { actor, target, ctx } = visitFor(event);
		const proposalId = positiveId(form.get('proposalId'));
		const proposal = openDateProposals(getDb(), target.id).find((p) => p.id === proposalId);
		if (!proposal) error(404, 'Not found');
		if (!can(actor, 'visit.answerDates', { visit: target, proposedBy: proposal.organisationId })) {
			error(403, 'Forbidden');
		}
		const accept = form.get('accept') === 'yes';
		if (!answerDates(getDb(), ctx, target, proposal.id, accept))
			return fail(409, { conflict: true });
		return { datesAnswered: accept ? 'accepted' : 'rejected' };
	}
};
