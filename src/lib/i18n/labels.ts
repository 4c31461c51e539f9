// Words for enum values, so every page names a status, kind or role the same way.
import { m } from './index';
import type {
	ActionStatus,
	LessonVisibility,
	AgendaKind,
	Locale,
	GlobalRole,
	MembershipRole,
	VisitKind,
	VisitOrgResponse,
	VisitStatus
} from '$lib/enums';

/** A message without inputs; the locale may be given (e-mails are written in the reader's). */
type Label = (inputs?: object, options?: { locale?: Locale }) => string;

export const statusLabel: Record<VisitStatus, Label> = {
	draft: m.status_draft,
	proposed: m.status_proposed,
	accepted: m.status_accepted,
	confirmed: m.status_confirmed,
	completed: m.status_completed,
	closed: m.status_closed,
	declined: m.status_declined,
	cancelled: m.status_cancelled
};

export const kindLabel: Record<VisitKind, () => string> = {
	exchange: m.kind_exchange,
	meeting: m.kind_meeting
};

export const responseLabel: Record<VisitOrgResponse, () => string> = {
	invited: m.response_invited,
	accepted: m.response_accepted,
	declined: m.response_declined
};

export const globalRoleLabel: Record<GlobalRole, () => string> = {
	admin: m.global_role_admin,
	staff: m.global_role_staff,
	member: m.global_role_member
};

export const membershipRoleLabel: Record<MembershipRole, () => string> = {
	coordinator: m.membership_coordinator,
	member: m.membership_member
};

export const agendaKindLabel: Record<AgendaKind, Label> = {
	observation: m.agenda_kind_observation,
	workshop: m.agenda_kind_workshop,
	site_visit: m.agenda_kind_site_visit,
	meeting: m.agenda_kind_meeting,
	debrief: m.agenda_kind_debrief,
	travel: m.agenda_kind_travel,
	meal: m.agenda_kind_meal,
	free_time: m.agenda_kind_free_time
};

export const actionStatusLabel: Record<ActionStatus, Label> = {
	open: m.action_status_open,
	in_progress: m.action_status_in_progress,
	done: m.action_status_done,
	dropped: m.action_status_dropped
};

export const visibilityLabel: Record<LessonVisibility, Label> = {
	network: m.lesson_visibility_network,
	participants: m.lesson_visibility_participants
};
