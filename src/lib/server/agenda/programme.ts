// A visit's programme: sessions on its days, edited by both sides (changes: edits.ts, judged by
// rules.ts). Deleting needs no judging: fewer sessions never break a rule.
import { and, asc, eq } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { agendaItems, memberships, users, visitOrganisations } from '../db/schema';
import { recordAudit } from '../audit/log';
import type { AuditAction } from '$lib/audit';
import type { FieldErrors } from '$lib/schemas/common';
import type { SessionInput } from '$lib/schemas/agenda';

export type AgendaItem = typeof agendaItems.$inferSelect;

export function listAgenda(db: Tx, visitId: number): AgendaItem[] {
	return db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.visitId, visitId))
		.orderBy(
			asc(agendaItems.day),
			asc(agendaItems.startsAt),
			asc(agendaItems.position),
			asc(agendaItems.id)
		)
		.all();
}

export function getSession(db: Tx, visitId: number, id: number) {
	return db
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
		.get();
}

/** What the form cannot check: the leading organisation takes part in the visit. */
export function checkSession(db: Tx, visitId: number, input: SessionInput): FieldErrors {
	if (!input.leadOrganisationId) return {};
	const found = db
		.select({ id: visitOrganisations.organisationId })
		.from(visitOrganisations)
		.where(
			and(
				eq(visitOrganisations.visitId, visitId),
				eq(visitOrganisations.organisationId, input.leadOrganisationId)
			)
		)
		.get();
	return found ? {} : { leadOrganisationId: 'invalid' };
}

function audit(
	tx: Tx,
	actorId: number,
	id: number,
	action: AuditAction,
	changes: Record<string, unknown>
) {
	recordAudit(tx, { actorId, entity: 'agenda_item', entityId: id, action, changes });
}

export function deleteSession(db: DB, actorId: number, visitId: number, id: number) {
	return db.transaction((tx) => {
		const done = tx
			.delete(agendaItems)
			.where(and(eq(agendaItems.id, id), eq(agendaItems.visitId, visitId)))
			.returning({ title: agendaItems.title })
			.all();
		if (!done.length) return false;
		audit(tx, actorId, id, 'deleted', { visitId, title: done[0].title });
		return true;
	});
}

type ContactOrganisation = { organisationId: number; name: string } | undefined;

/**
 * Whom a printed programme names to call: the host's active coordinators, else (a meeting
 * whose host has no account yet) the proposer's, since someone on paper must answer the phone.
 */
export function programmeContacts(
	db: DB,
	visit: { host?: ContactOrganisation; proposer?: ContactOrganisation }
) {
	for (const org of [visit.host, visit.proposer]) {
		if (!org) continue;
		const people = db
			.select({ name: users.name, email: users.email })
			.from(memberships)
			.innerJoin(users, eq(memberships.userId, users.id))
			.where(
				and(
					eq(memberships.organisationId, org.organisationId),
					eq(memberships.role, 'coordinator'),
					eq(users.disabled, false)
				)
			)
			.orderBy(asc(users.name))
			.all();
		if (people.length) return { organisation: org.name, people };
	}
	return undefined;
}
