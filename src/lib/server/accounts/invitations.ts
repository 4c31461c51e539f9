// How people join: an invitation link with a long random token (only its hash is stored),
// single use, valid 14 days, revocable and resendable.
import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { invitations, memberships, organisations, users } from '../db/schema';
import { generateSessionToken, sessionIdFromToken } from './sessions';
import { hashPassword } from './password';
import { recordAudit } from '../audit/log';
import { enqueueLetter } from '../notifications/outbox';
import { NETWORK_LOCALE, networkTimeZone } from '../notifications/recipients';
import { invitationLetter } from '../notifications/letters';
import { findUserByEmail, normaliseEmail } from './users';
import type { GlobalRole, Locale, MembershipRole } from '$lib/enums';

export const INVITATION_LIFETIME = 14 * 24 * 60 * 60 * 1000;

export type NewInvitation = {
	email: string;
	organisationId: number | null;
	role: MembershipRole | null;
	globalRole: GlobalRole;
	invitedById: number | null;
};

/**
 * Nobody knows the invitee's language yet: the network's first, then English, in one mail whose
 * Content-Language names both; times in the network's time zone.
 */
function enqueueInvitation(
	tx: Tx,
	email: string,
	url: string,
	organisation: string | undefined,
	role: string | null,
	expires: Date
) {
	const zone = networkTimeZone(tx);
	const locales: Locale[] = NETWORK_LOCALE === 'en' ? ['en'] : [NETWORK_LOCALE, 'en'];
	const letters = locales.map((l) => invitationLetter(organisation, role, url, expires, l, zone));
	enqueueLetter(tx, email, 'invitation', letters);
}

/** Creates the invitation and its e-mail in one transaction; returns the link. */
export function createInvitation(db: DB, input: NewInvitation, origin: string, now = Date.now()) {
	const token = generateSessionToken() + generateSessionToken();
	const url = `${origin}/invite/${token}`;
	const organisation = input.organisationId
		? db.select().from(organisations).where(eq(organisations.id, input.organisationId)).get()
		: undefined;
	const id = db.transaction((tx) => {
		const row = tx
			.insert(invitations)
			.values({
				...input,
				email: input.email.trim(),
				tokenHash: sessionIdFromToken(token),
				expiresAt: new Date(now + INVITATION_LIFETIME)
			})
			.returning({ id: invitations.id })
			.get();
		if (input.email) {
			const expires = new Date(now + INVITATION_LIFETIME);
			enqueueInvitation(tx, input.email, url, organisation?.name, input.role, expires);
		}
		recordAudit(tx, {
			actorId: input.invitedById,
			entity: 'invitation',
			entityId: row.id,
			action: 'created',
			changes: {
				email: input.email,
				organisationId: input.organisationId,
				role: input.role,
				globalRole: input.globalRole
			}
		});
		return row.id;
	});
	return { id, token, url };
}

export type InvitationLookup =
	| {
			status: 'valid';
			invitation: typeof invitations.$inferSelect;
			organisationName: string | null;
	  }
	| { status: 'unknown' | 'expired' | 'used' | 'revoked' };

export function findInvitation(db: DB, token: string, now = Date.now()): InvitationLookup {
	if (!/^[a-z2-7]{64}$/.test(token)) return { status: 'unknown' };
	const row = db
		.select({ invitation: invitations, organisationName: organisations.name })
		.from(invitations)
		.leftJoin(organisations, eq(invitations.organisationId, organisations.id))
		.where(eq(invitations.tokenHash, sessionIdFromToken(token)))
		.get();
	if (!row) return { status: 'unknown' };
	if (row.invitation.acceptedAt) return { status: 'used' };
	if (row.invitation.revokedAt) return { status: 'revoked' };
	if (row.invitation.expiresAt.getTime() <= now) return { status: 'expired' };
	return { status: 'valid', ...row };
}

export type Acceptance = { name: string; password: string; locale: Locale; email?: string };

/** Creates the account; the invitation is used up in the same transaction, so only once. */
export async function acceptInvitation(
	db: DB,
	token: string,
	input: Acceptance,
	now = Date.now()
): Promise<{ ok: true; userId: number } | { ok: false; reason: string }> {
	const found = findInvitation(db, token, now);
	if (found.status !== 'valid') return { ok: false, reason: found.status };
	const email = found.invitation.email || input.email || '';
	if (!email) return { ok: false, reason: 'email_required' };
	if (findUserByEmail(db, email)) return { ok: false, reason: 'email_taken' };
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		const used = tx
			.update(invitations)
			.set({ acceptedAt: new Date(now) })
			.where(and(eq(invitations.id, found.invitation.id), isNull(invitations.acceptedAt)))
			.run();
		if (used.changes !== 1) return { ok: false as const, reason: 'used' };
		const user = tx
			.insert(users)
			.values({
				email: normaliseEmail(email),
				name: input.name,
				passwordHash,
				preferredLocale: input.locale,
				globalRole: found.invitation.globalRole
			})
			.returning({ id: users.id })
			.get();
		const { organisationId, role } = found.invitation;
		if (organisationId && role) {
			tx.insert(memberships).values({ userId: user.id, organisationId, role }).run();
		}
		recordAudit(tx, {
			actorId: user.id,
			entity: 'invitation',
			entityId: found.invitation.id,
			action: 'accepted'
		});
		return { ok: true as const, userId: user.id };
	});
}

export function countUsers(db: DB) {
	return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

/**
 * On a database without any account: a fresh single-use link for the first admin (older such
 * links are revoked, so only the last one printed works). Null once anyone has an account.
 */
export function firstAdminInvitation(db: DB, origin: string, now = Date.now()) {
	if (countUsers(db) > 0) return null;
	db.update(invitations)
		.set({ revokedAt: new Date(now) })
		.where(
			and(
				eq(invitations.globalRole, 'admin'),
				isNull(invitations.invitedById),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt)
			)
		)
		.run();
	return createInvitation(
		db,
		{ email: '', organisationId: null, role: null, globalRole: 'admin', invitedById: null },
		origin,
		now
	).url;
}

/** Pending invitations, newest first; limited to some organisations for coordinators. */
export function listPendingInvitations(db: DB, organisationIds?: number[], now = Date.now()) {
	if (organisationIds && !organisationIds.length) return [];
	return db
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			globalRole: invitations.globalRole,
			organisationId: invitations.organisationId,
			organisation: organisations.shortName,
			expiresAt: invitations.expiresAt,
			createdAt: invitations.createdAt
		})
		.from(invitations)
		.leftJoin(organisations, eq(invitations.organisationId, organisations.id))
		.where(
			and(
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, new Date(now)),
				sql`${invitations.email} <> ''`,
				organisationIds ? inArray(invitations.organisationId, organisationIds) : undefined
			)
		)
		.orderBy(desc(invitations.id))
		.limit(200)
		.all();
}

export function getInvitation(db: DB, id: number) {
	return db.select().from(invitations).where(eq(invitations.id, id)).get();
}

export function revokeInvitation(db: DB, id: number, actorId: number | null, now = Date.now()) {
	db.transaction((tx) => {
		tx.update(invitations)
			.set({ revokedAt: new Date(now) })
			.where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
			.run();
		recordAudit(tx, { actorId, entity: 'invitation', entityId: id, action: 'revoked' });
	});
}

/** A new link (the old one stops working) with a fresh 14 days, and a new e-mail. */
export function resendInvitation(db: DB, id: number, actorId: number | null, origin: string) {
	const old = getInvitation(db, id);
	if (!old || old.acceptedAt) return null;
	revokeInvitation(db, id, actorId);
	const { email, organisationId, role, globalRole } = old;
	return createInvitation(
		db,
		{ email, organisationId, role, globalRole, invitedById: actorId },
		origin
	);
}
