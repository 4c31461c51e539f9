import { z } from 'zod';
import { GLOBAL_ROLES, MEMBERSHIP_ROLES } from '$lib/enums';
import { isCountryCode } from '$lib/countries';
import { formText, longText } from './common';
import { isTimeZone } from './account';
import { LIMITS } from './limits';

const ORG = LIMITS.organisation;

export const organisationSchema = z.object({
	name: formText(ORG.name),
	shortName: formText(ORG.shortName),
	country: formText(ORG.country)
		.transform((v) => v.toUpperCase())
		.refine(isCountryCode, 'invalid'),
	city: formText(ORG.city),
	timeZone: formText(ORG.timeZone).refine(isTimeZone, 'invalid_time_zone'),
	description: longText(ORG.description),
	isNetworkStaff: z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const themeSchema = z.object({
	slug: formText(LIMITS.theme.slug)
		.transform((v) => v.toLowerCase())
		.refine((v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'invalid'),
	nameFr: formText(LIMITS.theme.name),
	nameEn: formText(LIMITS.theme.name),
	nameEs: formText(LIMITS.theme.name),
	nameAr: formText(LIMITS.theme.name)
});
export type ThemeInput = z.infer<typeof themeSchema>;

export const membershipSchema = z.object({
	organisationId: z.coerce.number('required').int('required').positive('required'),
	role: z.enum(MEMBERSHIP_ROLES, 'required')
});

export const globalRoleSchema = z.object({ globalRole: z.enum(GLOBAL_ROLES, 'invalid') });
