// The allowed values of every enum column; shared by the schema (CHECK constraints), zod schemas
// and the UI, so a new value is added in one place.
export const LOCALES = ['fr', 'en', 'es', 'ar'] as const;
export const GLOBAL_ROLES = ['admin', 'staff', 'member'] as const;
export const MEMBERSHIP_ROLES = ['coordinator', 'member'] as const;
export const VISIT_KINDS = ['exchange', 'meeting'] as const;
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

export type Locale = (typeof LOCALES)[number];
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export type VisitKind = (typeof VISIT_KINDS)[number];
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type VisitOrgRole = (typeof VISIT_ORG_ROLES)[number];
export type VisitOrgResponse = (typeof VISIT_ORG_RESPONSES)[number];
