// What the admin routes share: reading their forms (raw values kept, bounded, to refill the form
// after an error) and the account switch offered both on the people list and a person's page.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { authorize } from './guards';
import { can } from '../policy';
import { getPerson, setUserDisabled } from '../accounts/users';
import { organisationNameClash } from '../organisations/directory';
import { organisationSchema } from '$lib/schemas/admin';
import { fieldErrors, type FieldErrors } from '$lib/schemas/common';

const ORGANISATION_FIELDS = [
	'name',
	'shortName',
	'country',
	'city',
	'timeZone',
	'description',
	'isNetworkStaff'
] as const;
type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

/** Form text, cut to a size no field accepts, so a huge post is not echoed back whole. */
export function keptValues<K extends string>(form: FormData, keys: readonly K[], max = 2100) {
	return Object.fromEntries(
		keys.map((k) => {
			const v = form.get(k);
			return [k, typeof v === 'string' ? v.slice(0, max) : ''];
		})
	) as Record<K, string>;
}

/** The organisation form, checked whole: a name already in use is reported with the rest. */
export function readOrganisationForm(form: FormData, exceptId?: number) {
	const values = keptValues(form, ORGANISATION_FIELDS);
	const parsed = organisationSchema.safeParse(values);
	const errors: FieldErrors = parsed.success ? {} : fieldErrors<OrganisationField>(parsed.error);
	const taken = organisationNameClash(getDb(), values, exceptId);
	if (taken) errors[taken] ??= 'taken';
	return parsed.success && !taken
		? { ok: true as const, values, data: parsed.data }
		: { ok: false as const, values, errors };
}

/** Every IANA zone the runtime knows, for the time-zone pickers. */
export const timeZoneList = () => Intl.supportedValuesOf('timeZone');

/** Disables or re-enables an account; disabling an admin is removing one, so only admins may. */
export function toggleAccount(event: RequestEvent, personId: number | null, disabled: boolean) {
	const actor = authorize(event, 'user.manage', 403);
	const person = personId ? getPerson(getDb(), personId) : undefined;
	if (!person) error(404, 'Not found');
	const role = person.globalRole;
	if (!can(actor, 'user.grant', { globalRole: role, currentRole: role })) error(403, 'Forbidden');
	if (setUserDisabled(getDb(), actor.id, person.id, disabled) === 'last_admin') {
		return fail(400, { lastAdmin: true });
	}
	return { saved: disabled ? ('disabled' as const) : ('enabled' as const), id: person.id };
}
