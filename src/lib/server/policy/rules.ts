// The shapes `can()` reads: who acts, and for each action, the record it is asked about.
import type {
	GlobalRole,
	LessonVisibility,
	MembershipRole,
	VisitKind,
	VisitOrgResponse,
	VisitOrgRole,
	VisitStatus
} from '$lib/enums';
import type { Transition } from '$lib/visit-lifecycle';

export type Actor = {
	id: number;
	globalRole: GlobalRole;
	/** Needed for rules about one's own organisations; absent means "none". */
	memberships?: { organisationId: number; role: MembershipRole }[];
} | null;

export type InvitationTarget = {
	organisationId: number | null;
	role: MembershipRole | null;
	globalRole: GlobalRole;
};

/** What the rules need to know about a visit. */
export type VisitTarget = {
	kind: VisitKind;
	status: VisitStatus;
	hostOrganisationId: number;
	proposerOrganisationId: number;
	/** Its first day (YYYY-MM-DD) and the time zone it takes place in: when it has begun. */
	startsOn?: string;
	timeZone?: string;
	participants: { organisationId: number; role: VisitOrgRole; response: VisitOrgResponse }[];
};

export type Rules = {
	'visit.list': undefined;
	'visit.read': undefined;
	'organisation.list': undefined;
	'lesson.list': undefined;
	'action.list': undefined;
	/** The world map of organisations and visits: the network knows who its members are. */
	'network.view': undefined;
	'admin.view': undefined;
	'outbox.read': undefined;
	/** Disable or re-enable accounts, change roles and memberships. */
	'user.manage': undefined;
	/** Give someone this global role (or take theirs away). */
	'user.grant': { globalRole: GlobalRole; currentRole: GlobalRole };
	'organisation.manage': undefined;
	'theme.manage': undefined;
	'audit.read': undefined;
	/** Build the programme: both sides of an exchange, the host and proposer of a meeting. */
	'agenda.edit': VisitTarget;
	/** Delete a draft that was never sent (nobody else has seen it). */
	'visit.deleteDraft': VisitTarget;
	/**
	 * Put this visit in the actor's private calendar feed: their own organisations' visits only
	 * (staff too: the whole network would drown their calendar), sent and still going ahead.
	 */
	'calendar.feed': VisitTarget;
	/** Read this visit: a draft is its proposer's business until it is sent. */
	'visit.see': VisitTarget;
	/** Propose a visit on behalf of this organisation (null: staff creating any visit). */
	'visit.create': { organisationId: number | null };
	/**
	 * Offer "propose a visit" at all: staff, or a coordinator of some organisation. Which
	 * organisation it is proposed for is `visit.create`'s question.
	 */
	'visit.propose': undefined;
	'visit.edit': VisitTarget;
	/**
	 * Offer "Keep for offline use" (the offline kit): a visit still ahead, to the people of its
	 * organisations that have not declined. Any page a person may read is kept once opened anyway.
	 */
	'visit.keepOffline': VisitTarget;
	/** Make a lifecycle move; `now` (default: the present) decides whether the visit has begun. */
	'visit.transition': { visit: VisitTarget; transition: Transition; now?: Date };
	/** Accept, decline or propose other dates for one invited organisation. */
	'visit.answer': { visit: VisitTarget; organisationId: number };
	/** Put other dates forward for one invited organisation, while the proposal is open. */
	'visit.proposeDates': { visit: VisitTarget; organisationId: number };
	/** Accept or reject dates another organisation put forward. */
	'visit.answerDates': { visit: VisitTarget; proposedBy: number };
	/**
	 * Read a delegate's contact and logistics details (e-mail, arrival and departure, travel, visa,
	 * accommodation, needs) and their name. Personal data is need-to-know: others learn how many
	 * people each organisation sends and their functions, not who they are. Without `delegate`:
	 * may this actor read every delegate of the visit (for counts over the whole delegation).
	 */
	'delegate.readDetails': {
		visit: VisitTarget;
		delegate?: { organisationId: number; userId: number | null };
	};
	/** Add, edit or remove this organisation's delegates on a visit. */
	'delegate.manage': { visit: VisitTarget; organisationId: number };
	/** Opening the invitations page at all: staff, or a coordinator of some organisation. */
	'invitation.list': undefined;
	'invitation.create': InvitationTarget;
	/** Revoke or resend an invitation into this organisation. */
	'invitation.manage': { organisationId: number | null };
	/** Record a lesson learned by this organisation on the visit. */
	'lesson.create': { visit: VisitTarget; organisationId: number };
	/** Read a lesson (and its attachments): `participants` ones stay with the visit's organisations. */
	'lesson.see': { visit: VisitTarget; visibility: LessonVisibility };
	/** Attach documents to a lesson: its organisation's people, or staff. */
	'lesson.attach': { visit: VisitTarget; organisationId: number };
	/** Change or delete a lesson: its author, coordinators of its organisation, staff. */
	'lesson.edit': { organisationId: number; authorId: number | null };
	'lesson.delete': { organisationId: number; authorId: number | null };
	/** Remove a document: whoever uploaded it, coordinators of the lesson's organisation, staff. */
	'attachment.delete': { organisationId: number; uploadedById: number | null };
	/** Give this organisation an action on the visit. */
	'action.create': { visit: VisitTarget; organisationId: number };
	/** Change an action's title, details, owner or due date. */
	'action.edit': { ownerOrganisationId: number; ownerUserId: number | null };
	/** Post a progress note or change the status. */
	'action.update': { ownerOrganisationId: number; ownerUserId: number | null };
	/** The staff dashboard: the whole network's follow-up. */
	'dashboard.view': undefined;
	/** Edit the network's evaluation template (writes a new version). */
	'evaluation.template': undefined;
	/** Open the visit's evaluation: once agreed on (before `completed` only by explicit choice). */
	'evaluation.open': VisitTarget;
	/** See who has answered; remind, resend, send to delegates added later. */
	'evaluation.manage': VisitTarget;
	/** Read a visit's evaluation results and export its answers: its organisations and staff. */
	'evaluation.results': VisitTarget;
	/** Compare evaluations across the whole network (/evaluations). */
	'evaluation.compare': undefined;
	/** Read an organisation's profile (/organisations/{id}) and find a peer (/peers). */
	'organisation.read': undefined;
	'peer.find': undefined;
	/** See coordinators' e-mail addresses on profiles: people of the network's organisations. */
	'organisation.contacts': undefined;
	/** Add, edit or remove the practices and learning wishes on this organisation's profile. */
	'profile.edit': { organisationId: number };
	/** See the evaluation summary of the visits this organisation hosted. */
	'profile.evaluations': { organisationId: number };
	/** Suggested exchanges between organisations (/peers/suggestions), and their export. */
	'peer.suggestions': undefined;
};
export type Action = keyof Rules;
/** Actions that need no target record. */
export type PlainAction = { [K in Action]: Rules[K] extends undefined ? K : never }[Action];
