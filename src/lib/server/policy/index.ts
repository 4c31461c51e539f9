// Who may do what: the one place the rules of DESIGN.md "Who may do what" live. Loads and actions
// ask `can()`; they never compare roles themselves.
import {
	ACCEPTS_EVALUATIONS,
	ACCEPTS_LESSONS,
	ANSWERABLE,
	DELEGATION_EDITABLE,
	IN_CALENDAR_FEEDS,
	PROGRAMME_EDITABLE,
	TRANSITIONS,
	UPCOMING,
	awaitsAnswers,
	canMove,
	hasBegun,
	isDraft
} from '$lib/visit-lifecycle';
import type { Actor, Action, InvitationTarget, Rules, VisitTarget } from './rules';

export type { Actor, Action, PlainAction, VisitTarget } from './rules';

export function isStaff(actor: Actor): boolean {
	return actor?.globalRole === 'admin' || actor?.globalRole === 'staff';
}

export function coordinates(actor: Actor, organisationId: number | null): boolean {
	return !!actor?.memberships?.some(
		(m) => m.organisationId === organisationId && m.role === 'coordinator'
	);
}

/** The organisations this actor coordinates: whose proposals, invitations and delegates are theirs. */
export function coordinatedOrganisations(actor: Actor): number[] {
	return (actor?.memberships ?? [])
		.filter((m) => coordinates(actor, m.organisationId))
		.map((m) => m.organisationId);
}

/** The organisations that answer a proposal: everyone taking part but the proposer. */
export function counterparts(visit: VisitTarget): number[] {
	return visit.participants
		.filter((p) => p.organisationId !== visit.proposerOrganisationId && p.role !== 'facilitator')
		.map((p) => p.organisationId);
}

/** Has not declined: an invited organisation may prepare its delegation while it decides. */
const stillInvolved = (visit: VisitTarget, organisationId: number) =>
	visit.participants.some((p) => p.organisationId === organisationId && p.response !== 'declined');

const belongsTo = (actor: Actor, organisationId: number) =>
	!!actor?.memberships?.some((m) => m.organisationId === organisationId);

/** Coordinates at least one organisation that takes part in the visit. */
function coordinatesParticipant(actor: Actor, visit: VisitTarget) {
	return visit.participants.some(
		(p) => p.response === 'accepted' && coordinates(actor, p.organisationId)
	);
}

/** A meeting belongs to its host and proposer, not to each of its many invited organisations. */
function runsVisit(actor: Actor, visit: VisitTarget) {
	return visit.kind === 'meeting'
		? coordinates(actor, visit.hostOrganisationId) ||
				coordinates(actor, visit.proposerOrganisationId)
		: coordinatesParticipant(actor, visit);
}

/** Its first day has come where it takes place; unknown dates count as not begun. */
function begun({ startsOn, timeZone }: VisitTarget, now: Date) {
	return !!startsOn && !!timeZone && hasBegun({ startsOn, timeZone }, now);
}

export function can<A extends Action>(
	actor: Actor,
	action: A,
	...[target]: Rules[A] extends undefined ? [] : [Rules[A]]
): boolean {
	if (!actor) return false;
	switch (action) {
		// The network shares knowledge: every signed-in user reads visits and the directory.
		case 'visit.list':
		case 'visit.read':
		case 'organisation.list':
		case 'lesson.list':
		case 'action.list':
		case 'network.view':
		case 'organisation.read':
		case 'peer.find':
			return true;
		// A coordinator's address is there to be written to, by the network's people only.
		case 'organisation.contacts':
			return isStaff(actor) || !!actor.memberships?.length;
		case 'profile.edit': {
			const t = target as Rules['profile.edit'];
			return isStaff(actor) || coordinates(actor, t.organisationId);
		}
		case 'profile.evaluations': {
			// Ratings speak about the host: they stay with it and staff.
			const t = target as Rules['profile.evaluations'];
			return isStaff(actor) || belongsTo(actor, t.organisationId);
		}
		case 'admin.view':
		case 'dashboard.view':
		case 'evaluation.compare':
		case 'outbox.read':
		case 'user.manage':
		case 'organisation.manage':
		case 'theme.manage':
		case 'audit.read':
		case 'evaluation.template':
		case 'peer.suggestions':
			return isStaff(actor);
		case 'user.grant': {
			const t = target as Rules['user.grant'];
			// Only an admin makes or unmakes an admin; staff may grant staff.
			if (t.globalRole === 'admin' || t.currentRole === 'admin')
				return actor.globalRole === 'admin';
			return isStaff(actor);
		}
		case 'invitation.list':
		case 'visit.propose':
			return isStaff(actor) || !!actor.memberships?.some((m) => m.role === 'coordinator');
		case 'invitation.create': {
			const t = target as InvitationTarget;
			// Only an admin makes another admin; staff may grant staff.
			if (t.globalRole === 'admin') return actor.globalRole === 'admin';
			if (isStaff(actor)) return t.organisationId !== null;
			return (
				t.globalRole === 'member' && t.role === 'member' && coordinates(actor, t.organisationId)
			);
		}
		case 'visit.see': {
			const visit = target as VisitTarget;
			if (!isDraft(visit.status) || isStaff(actor)) return true;
			return !!actor.memberships?.some((m) => m.organisationId === visit.proposerOrganisationId);
		}
		case 'calendar.feed': {
			const visit = target as VisitTarget;
			if (!IN_CALENDAR_FEEDS.includes(visit.status)) return false;
			return visit.participants.some(
				(p) =>
					p.response !== 'declined' &&
					!!actor.memberships?.some((m) => m.organisationId === p.organisationId)
			);
		}
		case 'visit.keepOffline': {
			const visit = target as VisitTarget;
			return (
				UPCOMING.includes(visit.status) &&
				visit.participants.some(
					(p) => p.response !== 'declined' && belongsTo(actor, p.organisationId)
				)
			);
		}
		case 'visit.deleteDraft': {
			const visit = target as VisitTarget;
			return (
				isDraft(visit.status) &&
				(isStaff(actor) || coordinates(actor, visit.proposerOrganisationId))
			);
		}
		case 'visit.create': {
			const t = target as Rules['visit.create'];
			return isStaff(actor) || coordinates(actor, t.organisationId);
		}
		case 'agenda.edit':
		case 'visit.edit': {
			const visit = target as VisitTarget;
			if (!PROGRAMME_EDITABLE.includes(visit.status)) return false;
			return isStaff(actor) || runsVisit(actor, visit);
		}
		case 'visit.transition': {
			const { visit, transition, now = new Date() } = target as Rules['visit.transition'];
			const move = TRANSITIONS[transition];
			if (!canMove(visit.status, transition)) return false;
			// Nobody completes a visit planned months ahead: its first day must have come.
			if (move.begun && !begun(visit, now)) return false;
			if (isStaff(actor)) return true;
			switch (move.owner) {
				case 'proposer':
					return coordinates(actor, visit.proposerOrganisationId);
				case 'host':
					return coordinates(actor, visit.hostOrganisationId);
				case 'runner':
					return runsVisit(actor, visit);
			}
			return false;
		}
		case 'visit.answer': {
			const { visit, organisationId } = target as Rules['visit.answer'];
			if (!ANSWERABLE.includes(visit.status)) return false;
			if (!counterparts(visit).includes(organisationId)) return false;
			// Once the visit goes ahead, only organisations that have not answered yet may.
			const own = visit.participants.find((p) => p.organisationId === organisationId);
			if (!awaitsAnswers(visit.status) && own?.response !== 'invited') return false;
			return isStaff(actor) || coordinates(actor, organisationId);
		}
		case 'visit.proposeDates': {
			const t = target as Rules['visit.proposeDates'];
			return awaitsAnswers(t.visit.status) && can(actor, 'visit.answer', t);
		}
		case 'visit.answerDates': {
			const { visit, proposedBy } = target as Rules['visit.answerDates'];
			if (!awaitsAnswers(visit.status) || !stillInvolved(visit, proposedBy)) return false;
			// The proposer's side answers dates put forward by a counterpart.
			return isStaff(actor) || coordinates(actor, visit.proposerOrganisationId);
		}
		case 'delegate.manage': {
			const { visit, organisationId } = target as Rules['delegate.manage'];
			if (!DELEGATION_EDITABLE.includes(visit.status) || !stillInvolved(visit, organisationId)) {
				return false;
			}
			return isStaff(actor) || coordinates(actor, organisationId);
		}
		case 'delegate.readDetails': {
			const { visit, delegate } = target as Rules['delegate.readDetails'];
			if (isStaff(actor)) return true;
			// The delegate themself, and the coordinators of their own organisation even after it
			// left the visit: they recorded them.
			if (delegate && (delegate.userId === actor.id || coordinates(actor, delegate.organisationId)))
				return true;
			return visit.participants.some(
				(p) => p.response !== 'declined' && coordinates(actor, p.organisationId)
			);
		}
		case 'invitation.manage': {
			const t = target as Rules['invitation.manage'];
			return isStaff(actor) || coordinates(actor, t.organisationId);
		}
		case 'lesson.create':
		case 'lesson.attach': {
			const { visit, organisationId } = target as Rules['lesson.create'];
			if (!ACCEPTS_LESSONS.includes(visit.status)) return false;
			if (!stillInvolved(visit, organisationId)) return false;
			return isStaff(actor) || belongsTo(actor, organisationId);
		}
		case 'lesson.see': {
			const { visit, visibility } = target as Rules['lesson.see'];
			if (visibility === 'network' || isStaff(actor)) return true;
			return visit.participants.some(
				(p) => p.response !== 'declined' && belongsTo(actor, p.organisationId)
			);
		}
		case 'lesson.edit':
		case 'lesson.delete': {
			const t = target as Rules['lesson.edit'];
			return isStaff(actor) || coordinates(actor, t.organisationId) || t.authorId === actor.id;
		}
		case 'attachment.delete': {
			const t = target as Rules['attachment.delete'];
			return isStaff(actor) || coordinates(actor, t.organisationId) || t.uploadedById === actor.id;
		}
		case 'evaluation.results': {
			// Answers speak about the partner: they stay with those who took part.
			const visit = target as VisitTarget;
			if (isStaff(actor)) return true;
			return visit.participants.some(
				(p) => p.response !== 'declined' && belongsTo(actor, p.organisationId)
			);
		}
		case 'action.create': {
			const { visit, organisationId } = target as Rules['action.create'];
			if (!ACCEPTS_LESSONS.includes(visit.status)) return false;
			if (!stillInvolved(visit, organisationId)) return false;
			return isStaff(actor) || coordinates(actor, organisationId);
		}
		case 'evaluation.open':
		case 'evaluation.manage': {
			const visit = target as VisitTarget;
			if (action === 'evaluation.open' && !ACCEPTS_EVALUATIONS.includes(visit.status)) return false;
			return isStaff(actor) || coordinatesParticipant(actor, visit);
		}
		case 'action.edit': {
			const t = target as Rules['action.edit'];
			return isStaff(actor) || coordinates(actor, t.ownerOrganisationId);
		}
		case 'action.update': {
			const t = target as Rules['action.update'];
			// Owners report on their own work; nobody else writes in their log.
			return (
				isStaff(actor) || belongsTo(actor, t.ownerOrganisationId) || t.ownerUserId === actor.id
			);
		}
	}
	return false;
}
