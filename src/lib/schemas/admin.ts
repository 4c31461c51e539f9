import { z } from 'zod';
import { GLOBAL_ROLES, MEMBERSHIP_ROLES } from '$lib/enums';
import { isCountryCode } from '$lib/countries';
import { formText, cleanText } from './common';
import { isTimeZone } from './account';

const optionalText = (max: number) => z.preprocess(cleanText, z.string().max(max, 'too_long'));

export const organisationSchema = z.object({
	name: formText(150),
	shortName: formText(40),
	country: formText(2)
		.transform((v) => v.toUpperCase())
		.refine(isCountryCode, 'invalid'),
	city: formText(100),
	timeZone: formText(64).refine(isTimeZone, 'invalid_time_zone'),
	description: optionalText(2000),
	isNetworkStaff: z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const themeSchema = z.object({
	slug: formText(40)
		.transform((v) => v.toLowerCase())
		.refine((v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'invalid'),
	nameFr: formText(80),
	nameEn: formText(80),
	nameEs: formText(80),
	nameAr: formText(80)
});
export type ThemeInput = z.infer<typeof themeSchema>;

export const membershipSchema = z.object({
	organisationId: z.coerce.number('required').int('required').positive('required'),
	role: z.enum(MEMBERSHIP_ROLES, 'required')
});

export const globalRoleSchema = z.object({ globalRole: z.enum(GLOBAL_ROLES, 'invalid') });
