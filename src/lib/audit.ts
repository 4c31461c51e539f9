// What the audit log records (server/audit/log.ts) and the words the audit page shows for it, in
// the reader's language. Client-safe. AuditEntry's types are these lists, so an event recorded
// with a new code does not compile until it has its words here.
import { m } from './i18n';
import { VISIT_STATUSES, type Locale } from './enums';

export const AUDIT_ENTITIES = [
	'action',
	'agenda_item',
	'attachment',
	'calendar_feed',
	'delegate',
	'evaluation_template',
	'invitation',
	'lesson',
	'organisation',
	'practice',
	'theme',
	'user',
	'visit'
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
	'created',
	'updated',
	'edited',
	'deleted',
	'moved',
	'reordered',
	'progress',
	'uploaded',
	'revoked',
	'archived',
	'restored',
	'signed_in',
	'sign_in_failed',
	'disabled',
	'enabled',
	'role_changed',
	'membership_set',
	'membership_removed',
	'profile_updated',
	'password_changed',
	'answered',
	'dates_proposed',
	'dates_accepted',
	'dates_rejected',
	'reopened',
	'evaluation_opened',
	'evaluation_reminded',
	// A visit's move records the status it moved to; an invitation's acceptance is 'accepted'.
	...VISIT_STATUSES
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A message without inputs; the locale may be given, as in i18n/labels.ts. */
type Label = (inputs?: object, options?: { locale?: Locale }) => string;

export const auditEntityLabel: Record<AuditEntity, Label> = {
	action: m.audit_entity_action,
	agenda_item: m.audit_entity_agenda_item,
	attachment: m.audit_entity_attachment,
	calendar_feed: m.audit_entity_calendar_feed,
	delegate: m.audit_entity_delegate,
	evaluation_template: m.audit_entity_evaluation_template,
	invitation: m.audit_entity_invitation,
	lesson: m.audit_entity_lesson,
	organisation: m.audit_entity_organisation,
	practice: m.audit_entity_practice,
	theme: m.audit_entity_theme,
	user: m.audit_entity_user,
	visit: m.audit_entity_visit
};

export const auditActionLabel: Record<AuditAction, Label> = {
	created: m.audit_action_created,
	updated: m.audit_action_updated,
	edited: m.audit_action_updated,
	deleted: m.audit_action_deleted,
	moved: m.audit_action_moved,
	reordered: m.audit_action_reordered,
	progress: m.audit_action_progress,
	uploaded: m.audit_action_uploaded,
	revoked: m.audit_action_revoked,
	archived: m.audit_action_archived,
	restored: m.audit_action_restored,
	signed_in: m.audit_action_signed_in,
	sign_in_failed: m.audit_action_sign_in_failed,
	disabled: m.audit_action_disabled,
	enabled: m.audit_action_enabled,
	role_changed: m.audit_action_role_changed,
	membership_set: m.audit_action_membership_set,
	membership_removed: m.audit_action_membership_removed,
	profile_updated: m.audit_action_profile_updated,
	password_changed: m.audit_action_password_changed,
	answered: m.audit_action_answered,
	dates_proposed: m.audit_action_dates_proposed,
	dates_accepted: m.audit_action_dates_accepted,
	dates_rejected: m.audit_action_dates_rejected,
	reopened: m.audit_action_reopened,
	evaluation_opened: m.audit_action_evaluation_opened,
	evaluation_reminded: m.audit_action_evaluation_reminded,
	draft: m.audit_action_draft,
	proposed: m.audit_action_proposed,
	accepted: m.audit_action_accepted,
	confirmed: m.audit_action_confirmed,
	completed: m.audit_action_completed,
	closed: m.audit_action_closed,
	declined: m.audit_action_declined,
	cancelled: m.audit_action_cancelled
};

const has = <K extends string>(map: Record<K, Label>, code: string): code is K =>
	Object.hasOwn(map, code);

/** The words for a recorded action; a code from an older version shows as it was stored. */
export const auditActionText = (code: string) =>
	has(auditActionLabel, code) ? auditActionLabel[code]() : code;

export const auditEntityText = (code: string) =>
	has(auditEntityLabel, code) ? auditEntityLabel[code]() : code;
