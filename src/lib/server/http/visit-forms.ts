// Reading the visit forms (see ./forms): the details and who takes part are checked apart, as a
// coordinator and staff name the parties differently; `refill` bounds the values sent back.
import type { z } from 'zod';
import { parseFields, type FieldErrors } from '$lib/schemas/common';
import { coordinatorParties, staffParties, visitDetailsSchema } from '$lib/schemas/visit';
import type { Parties } from '../visits/workflow';
import { formValues } from './forms';

const TEXT_FIELDS = [
	'title',
	'objectives',
	'startsOn',
	'endsOn',
	'timeZone',
	'place',
	'expectedSize',
	'version',
	'ownId',
	'direction',
	'partnerId',
	'kind',
	'hostId'
] as const;
const LIST_FIELDS = ['languages', 'themeIds', 'visitorIds'] as const;

/** The visit form as sent (nothing cut): pass it through `refill` before sending it back. */
export function visitFormValues(form: FormData): Record<string, string | string[]> {
	return formValues(form, { keep: TEXT_FIELDS, lists: LIST_FIELDS });
}

type Read<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const read = <S extends z.ZodType>(schema: S, values: unknown): Read<z.infer<S>> =>
	parseFields(schema, values);

export const readDetails = (values: Record<string, unknown>) => read(visitDetailsSchema, values);

/**
 * Who takes part. A coordinator names their organisation, a direction and a partner; staff name
 * a host and invited organisations (staff act as the host's side and propose for it).
 */
export function readParties(values: Record<string, unknown>, staff: boolean): Read<Parties> {
	if (staff) {
		const r = read(staffParties, values);
		if (!r.ok) return r;
		if (!r.data.hostId) return { ok: false, errors: { hostId: 'required' } };
		return {
			ok: true,
			data: {
				kind: r.data.kind,
				proposerId: r.data.hostId,
				hostId: r.data.hostId,
				visitorIds: [...new Set(r.data.visitorIds)]
			}
		};
	}
	const r = read(coordinatorParties, values);
	if (!r.ok) return r;
	const { ownId, direction, partnerId } = r.data;
	if (!partnerId) return { ok: false, errors: { partnerId: 'required' } };
	if (partnerId === ownId) return { ok: false, errors: { partnerId: 'same_organisation' } };
	const hostId = direction === 'visit' ? partnerId : ownId;
	const visitorId = direction === 'visit' ? ownId : partnerId;
	return {
		ok: true,
		data: { kind: 'exchange', proposerId: ownId, hostId, visitorIds: [visitorId] }
	};
}

/** The time zone left empty means the host's. */
export function withHostZone(values: Record<string, unknown>, hostZone: string | undefined) {
	return typeof values.timeZone === 'string' && values.timeZone.trim()
		? values
		: { ...values, timeZone: hostZone ?? '' };
}

type PrefillContext = {
	staff: boolean;
	ownIds: number[];
	organisationIds: number[];
	themeIds: number[];
};

/**
 * The proposal form's first values from a link ("Propose a visit" on /peers and on profiles):
 * `?host=` an active organisation (not one's own), `?theme=` an existing theme, `?objective=` a
 * text (cut to the field's limit). Anything else is ignored: a link never causes an error.
 */
export function proposalPrefill(params: URLSearchParams, ctx: PrefillContext) {
	const values: Record<string, string | string[]> = { direction: 'visit', kind: 'exchange' };
	const host = Number(params.get('host'));
	if (ctx.organisationIds.includes(host)) {
		if (ctx.staff) values.hostId = String(host);
		else if (!ctx.ownIds.includes(host)) values.partnerId = String(host);
	}
	const theme = Number(params.get('theme'));
	if (ctx.themeIds.includes(theme)) values.themeIds = [String(theme)];
	const objective = (params.get('objective') ?? '').replace(/\u0000/g, '').trim();
	if (objective) values.objectives = objective.slice(0, 5000);
	return values;
}
