// What the admin routes share: reading the organisation form (see ./forms) and the account switch
// offered both on the people list and a person's page.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { authorize } from './guards';
import { can } from '../policy';
import { getPerson, setUserDisabled } from '../accounts/users';
import { organisationNameClash } from '../organisations/directory';
import { organisationSchema } from '$lib/schemas/admin';
import type { FieldErrors } from '$lib/schemas/common';
import { checkForm } from './forms';

const ORGANISATION_FIELDS = [
	'name',
	'shortName',
	'country',
	'city',
	'timeZone',
	'description',
	'isNetworkStaff'
] as const;

/** The organisation form, checked whole: a name already in use is reported with the rest. */
export function readOrganisationForm(form: FormData, exceptId?: number) {
	const read = checkForm(form, organisationSchema, { keep: ORGANISATION_FIELDS });
	const { values } = read;
	const errors: FieldErrors = read.ok ? {} : read.errors;
	const taken = organisationNameClash(getDb(), values, exceptId);
	if (taken) errors[taken] ??= 'taken';
	return read.ok && !taken
		? { ok: true as const, values, data: read.data }
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
