// The allowed values of every enum column; shared by the schema (CHECK constraints), zod schemas
// and the UI, so a new value is added in one place.
export const LOCALES = ['fr', 'en', 'es', 'ar'] as const;
export const GLOBAL_ROLES = ['admin', 'staff', 'member'] as const;
export const MEMBERSHIP_ROLES = ['coordinator', 'member'] as const;
export const VISIT_KINDS = ['exchange', 'meeting'] as const;
/** A profile entry: a practice the organisation can share, or something it wants to learn. */
export const PRACTICE_KINDS = ['share', 'learn'] as const;
export const VISIT_STATUSES = [
	'draft',
	'proposed',
	'accepted',
	'confirmed',
	'completed',
	'closed',
	'declined',
	'cancelled'
] as const;
export const VISIT_ORG_ROLES = ['host', 'visitor', 'facilitator'] as const;
export const VISIT_ORG_RESPONSES = ['invited', 'accepted', 'declined'] as const;
export const TRAVEL_STATUSES = ['to_book', 'booked', 'not_needed'] as const;
export const VISA_STATUSES = ['not_needed', 'to_apply', 'pending', 'obtained', 'refused'] as const;
export const ACCOMMODATION_STATUSES = ['to_arrange', 'booked', 'not_needed'] as const;
export const DATE_PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export const AGENDA_KINDS = [
	'observation',
	'workshop',
	'site_visit',
	'meeting',
	'debrief',
	'travel',
	'meal',
	'free_time'
] as const;
export const NOTIFICATION_KINDS = [
	'visit_proposed',
	'visit_answered',
	'visit_dates_proposed',
	'visit_dates_answered',
	'visit_dates_changed',
	'visit_status',
	'visit_cancelled',
	'action_reminder',
	'evaluation_opened',
	'evaluation_reminder'
] as const;
/** How a notification reaches its reader besides the app: an e-mail at once, the daily digest, or not. */
export const NOTIFICATION_DELIVERIES = ['mail', 'digest', 'app'] as const;
/** The groups of kinds a person chooses a delivery for (notifications/preferences.ts). */
export const NOTIFICATION_TOPICS = ['proposals', 'changes', 'status', 'reminders'] as const;
export const LESSON_VISIBILITIES = ['network', 'participants'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

export type Locale = (typeof LOCALES)[number];
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export type VisitKind = (typeof VISIT_KINDS)[number];
export type PracticeKind = (typeof PRACTICE_KINDS)[number];
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type VisitOrgRole = (typeof VISIT_ORG_ROLES)[number];
export type VisitOrgResponse = (typeof VISIT_ORG_RESPONSES)[number];
export type TravelStatus = (typeof TRAVEL_STATUSES)[number];
export type VisaStatus = (typeof VISA_STATUSES)[number];
export type AccommodationStatus = (typeof ACCOMMODATION_STATUSES)[number];
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export type LessonVisibility = (typeof LESSON_VISIBILITIES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const QUESTION_KINDS = ['rating', 'yes_no', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
