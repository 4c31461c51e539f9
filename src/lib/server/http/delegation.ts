// What the delegation routes share: finding the visit and the delegate the URL or form names, the
// policy check for a change, and reading the delegate form (see ./forms).
import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { can } from '../policy';
import { readableVisit, type ReadableVisit } from './visit';
import { getDelegate } from '../delegations/delegates';
import { checkForm } from './forms';
import { DELEGATE_FIELDS, delegateSchema } from '$lib/schemas/delegate';
import { positiveId } from '$lib/schemas/common';

/** The visit of the URL with the signed-in actor; a visit they may not read is a 404. */
export const delegationVisit = readableVisit;

export type DelegationVisit = ReadableVisit;

export function canManage({ actor, target }: DelegationVisit, organisationId: number) {
	return can(actor, 'delegate.manage', { visit: target, organisationId });
}

/** A change to this organisation's delegates, or 403. */
export function requireManage(context: DelegationVisit, organisationId: number) {
	if (!canManage(context, organisationId)) error(403, 'Forbidden');
}

/**
 * A delegate of this visit whose details the reader may see: any other id (another visit's,
 * unknown, not a number, or someone whose details are not theirs to read) is a 404.
 */
export function findDelegate({ actor, visit, target }: DelegationVisit, raw: unknown) {
	const id = positiveId(raw);
	const delegate = id ? getDelegate(getDb(), visit.id, id) : undefined;
	if (!delegate || !can(actor, 'delegate.readDetails', { visit: target, delegate })) {
		error(404, 'Not found');
	}
	return delegate;
}

export const readDelegateForm = (form: FormData) =>
	checkForm(form, delegateSchema, { keep: DELEGATE_FIELDS });
