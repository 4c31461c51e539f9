// The delegation of a visit (DESIGN.md, journey step 4): who travels, and the logistics checklist
// that says what is still missing before departure.
import { and, asc, count, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { createHash } from 'node:crypto';
import { delegates, memberships, organisations, users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { can, type Actor, type VisitTarget } from '../policy';
import { DELEGATE_FIELDS, type DelegateInput } from '$lib/schemas/delegate';
import { dateWarnings, missingLogistics } from '$lib/delegation';

export type Delegate = typeof delegates.$inferSelect;

/** The same rule as `missingLogistics`, in SQL, for counts over many visits at once. */
const missingSomething = or(
	and(
		ne(delegates.travel, 'not_needed'),
		or(isNull(delegates.arrivesAt), isNull(delegates.departsAt))
	),
	eq(delegates.travel, 'to_book'),
	inArray(delegates.visa, ['to_apply', 'pending', 'refused']),
	eq(delegates.accommodation, 'to_arrange')
);

/** Delegates with something missing, per visit (visits without any are absent from the map). */
export function visitsMissingLogistics(db: DB, visitIds: number[]): Map<number, number> {
	if (!visitIds.length) return new Map();
	const rows = db
		.select({ visitId: delegates.visitId, n: count() })
		.from(delegates)
		.where(and(inArray(delegates.visitId, visitIds), missingSomething))
		.groupBy(delegates.visitId)
		.all();
	return new Map(rows.map((r) => [r.visitId, r.n]));
}

export function missingLogisticsCount(db: DB, visitId: number): number {
	return visitsMissingLogistics(db, [visitId]).get(visitId) ?? 0;
}

/**
 * Who reads a delegation: the policy decides, delegate by delegate, whose details they see
 * (DESIGN.md "Personal data is need-to-know").
 */
export type DelegationReader = { actor: Actor; target: VisitTarget };

/** What anyone who may read the visit learns of a delegate it does not concern: a function. */
export type HiddenDelegate = { organisationId: number; function: string };

/** Full rows (with organisation and linked account) of these delegates of the visit. */
function detailedDelegates(db: DB, visitId: number, ids: number[]) {
	if (!ids.length) return [];
	return db
		.select({
			delegate: delegates,
			userName: users.name,
			organisationName: organisations.name,
			organisationShortName: organisations.shortName
		})
		.from(delegates)
		.innerJoin(organisations, eq(delegates.organisationId, organisations.id))
		.leftJoin(users, eq(delegates.userId, users.id))
		.where(and(eq(delegates.visitId, visitId), inArray(delegates.id, ids)))
		.orderBy(asc(delegates.organisationId), asc(delegates.name), asc(delegates.id))
		.all()
		.map(({ delegate, ...rest }) => ({ ...delegate, ...rest }));
}

/**
 * A visit's delegates as this reader may see them: in full those whose details the policy lets
 * them read; of the others only the organisation and function. The private columns of the others
 * are never selected, so they cannot reach a page's data by mistake.
 */
export function listDelegates(db: DB, visitId: number, reader: DelegationReader) {
	const all = db
		.select({
			id: delegates.id,
			organisationId: delegates.organisationId,
			userId: delegates.userId,
			function: delegates.function
		})
		.from(delegates)
		.where(eq(delegates.visitId, visitId))
		.orderBy(asc(delegates.organisationId), asc(delegates.function), asc(delegates.id))
		.all();
	const readable = new Set(
		all
			.filter(({ organisationId, userId }) =>
				can(reader.actor, 'delegate.readDetails', {
					visit: reader.target,
					delegate: { organisationId, userId }
				})
			)
			.map((d) => d.id)
	);
	const hidden: HiddenDelegate[] = all
		.filter((d) => !readable.has(d.id))
		.map((d) => ({ organisationId: d.organisationId, function: d.function }));
	return { detailed: detailedDelegates(db, visitId, [...readable]), hidden };
}

type VisitDates = { startsOn: string; endsOn: string };
type Participant = { organisationId: number; role: string; name: string; shortName: string };
type VisitForDelegation = VisitDates & {
	id: number;
	host?: Participant;
	visitors: Participant[];
	facilitators: Participant[];
};

/**
 * The delegation per organisation taking part (host first): each delegate the reader may see in
 * full with their checklist, and the functions of the others. `total` counts everyone;
 * `detailed` and `incomplete` only those the reader sees in full.
 */
export function delegationOf(db: DB, visit: VisitForDelegation, reader: DelegationReader) {
	const { detailed, hidden } = listDelegates(db, visit.id, reader);
	const all = detailed.map((d) => ({
		...d,
		missing: missingLogistics(d),
		warnings: dateWarnings(visit, d)
	}));
	const participants: Participant[] = [
		...(visit.host ? [visit.host] : []),
		...visit.visitors,
		...visit.facilitators
	];
	// Delegates of an organisation that no longer takes part stay visible, in a group of their own.
	const former = new Map<number, Participant>();
	const formerIds = [...new Set([...all, ...hidden].map((d) => d.organisationId))].filter(
		(id) => !participants.some((p) => p.organisationId === id)
	);
	for (const o of organisationNames(db, formerIds)) {
		former.set(o.organisationId, { ...o, role: 'former' });
	}
	const groups = [...participants, ...former.values()].map((org) => ({
		organisation: org,
		delegates: all.filter((d) => d.organisationId === org.organisationId),
		others: hidden.filter((d) => d.organisationId === org.organisationId)
	}));
	const incomplete = all.filter((d) => d.missing.length > 0);
	return { groups, total: all.length + hidden.length, detailed: all.length, incomplete };
}

function organisationNames(db: DB, ids: number[]) {
	if (!ids.length) return [];
	return db
		.select({
			organisationId: organisations.id,
			name: organisations.name,
			shortName: organisations.shortName
		})
		.from(organisations)
		.where(inArray(organisations.id, ids))
		.orderBy(asc(organisations.id))
		.all();
}

/** The accounts a delegate of these organisations may be linked to: their members. */
export function organisationMembers(db: DB, organisationIds: number[]) {
	if (!organisationIds.length) return [];
	return db
		.select({ organisationId: memberships.organisationId, id: users.id, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.where(and(inArray(memberships.organisationId, organisationIds), eq(users.disabled, false)))
		.orderBy(asc(users.name))
		.all();
}

function isMember(db: Tx, userId: number, organisationId: number) {
	return !!db
		.select({ id: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
		.get();
}

export function getDelegate(db: DB, visitId: number, delegateId: number) {
	return db
		.select()
		.from(delegates)
		.where(and(eq(delegates.id, delegateId), eq(delegates.visitId, visitId)))
		.get();
}

/**
 * A fingerprint of what the edit form shows. The form sends back the one it was drawn from, so a
 * save over someone else's change is noticed instead of silently undoing it.
 */
export function delegateVersion(d: Delegate): string {
	const fields = JSON.stringify(DELEGATE_FIELDS.map((key) => d[key]));
	return createHash('sha256').update(fields).digest('base64url').slice(0, 16);
}

export type SaveResult = { ok: true; id: number } | { ok: false; field: 'userId' };

export function addDelegate(
	db: DB,
	actorId: number,
	visitId: number,
	organisationId: number,
	input: DelegateInput
): SaveResult {
	if (input.userId !== null && !isMember(db, input.userId, organisationId)) {
		return { ok: false, field: 'userId' };
	}
	return db.transaction((tx) => {
		const { id } = tx
			.insert(delegates)
			.values({ ...input, visitId, organisationId })
			.returning({ id: delegates.id })
			.get();
		recordAudit(tx, {
			actorId,
			entity: 'delegate',
			entityId: id,
			action: 'created',
			changes: { visitId, organisationId, ...input }
		});
		return { ok: true as const, id };
	});
}

export function updateDelegate(
	db: DB,
	actorId: number,
	before: Delegate,
	input: DelegateInput
): SaveResult {
	if (input.userId !== null && !isMember(db, input.userId, before.organisationId)) {
		return { ok: false, field: 'userId' };
	}
	const changes = Object.fromEntries(
		Object.entries(input).filter(([k, v]) => before[k as keyof DelegateInput] !== v)
	);
	db.transaction((tx) => {
		tx.update(delegates).set(input).where(eq(delegates.id, before.id)).run();
		recordAudit(tx, {
			actorId,
			entity: 'delegate',
			entityId: before.id,
			action: 'updated',
			changes: { visitId: before.visitId, ...changes }
		});
	});
	return { ok: true, id: before.id };
}

export function removeDelegate(db: DB, actorId: number, before: Delegate) {
	db.transaction((tx) => {
		tx.delete(delegates).where(eq(delegates.id, before.id)).run();
		recordAudit(tx, {
			actorId,
			entity: 'delegate',
			entityId: before.id,
			action: 'deleted',
			changes: {
				visitId: before.visitId,
				organisationId: before.organisationId,
				name: before.name
			}
		});
	});
}
