import { and, count, eq, sql } from 'drizzle-orm';
import type { GlobalRole, MembershipRole } from '$lib/enums';
import type { DB, Tx } from '../db';
import { memberships, organisations, sessions, users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { verifyAgainstDummy, verifyPassword } from './password';
import { preparedOnce } from '../db/prepared';

export function normaliseEmail(email: string) {
	return email.trim().toLowerCase();
}

export function findUserByEmail(db: DB, email: string) {
	return db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
		.get();
}

/**
 * The user whose e-mail and password match, or null. Unknown e-mail, wrong password and a
 * disabled account take the same time and give the same answer, so none can be told apart.
 */
export async function authenticate(db: DB, email: string, password: string) {
	const user = findUserByEmail(db, email);
	if (!user) return verifyAgainstDummy(password).then(() => null);
	const ok = await verifyPassword(user.passwordHash, password);
	return ok && !user.disabled ? user : null;
}

/**
 * `authenticate` plus the audit trail of sign-ins: successes and failures on an existing account
 * (who, from which address). Attempts on unknown e-mails are left to the throttle table: logging
 * them would let anyone fill the audit log with text of their choosing.
 */
export async function signIn(db: DB, email: string, password: string, ip: string) {
	const user = await authenticate(db, email, password);
	const known = user ?? findUserByEmail(db, email);
	if (known) {
		recordAudit(db, {
			actorId: user ? user.id : null,
			entity: 'user',
			entityId: known.id,
			action: user ? 'signed_in' : 'sign_in_failed',
			changes: user ? { ip } : { ip, disabled: known.disabled || undefined }
		});
	}
	return user;
}

const membershipsOf = preparedOnce((db: DB) =>
	db
		.select({
			organisationId: memberships.organisationId,
			role: memberships.role,
			shortName: organisations.shortName,
			name: organisations.name
		})
		.from(memberships)
		.innerJoin(organisations, eq(memberships.organisationId, organisations.id))
		.where(eq(memberships.userId, sql.placeholder('userId')))
		.orderBy(organisations.shortName)
		.prepare()
);

export function userMemberships(db: DB, userId: number) {
	return membershipsOf(db).all({ userId });
}

export function setPreferredLocale(
	db: DB,
	userId: number,
	locale: (typeof users.$inferSelect)['preferredLocale']
) {
	db.update(users).set({ preferredLocale: locale }).where(eq(users.id, userId)).run();
}

/** Everyone with their organisations, for the staff's people page (two queries). */
export function listPeople(db: DB) {
	const people = db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			globalRole: users.globalRole,
			disabled: users.disabled
		})
		.from(users)
		.orderBy(users.name)
		.all();
	const links = db
		.select({
			userId: memberships.userId,
			role: memberships.role,
			shortName: organisations.shortName
		})
		.from(memberships)
		.innerJoin(organisations, eq(memberships.organisationId, organisations.id))
		.all();
	return people.map((p) => ({ ...p, memberships: links.filter((l) => l.userId === p.id) }));
}

/** The signed-in user with their memberships, as the policy needs it. */
export function actorOf(db: DB, user: { id: number; globalRole: GlobalRole }) {
	return { id: user.id, globalRole: user.globalRole, memberships: userMemberships(db, user.id) };
}

/**
 * Disables or re-enables an account. A disabled account's sessions end at once. The last active
 * admin cannot be disabled: nobody could then administer the network.
 */
export function setUserDisabled(
	db: DB,
	actorId: number,
	userId: number,
	disabled: boolean
): 'ok' | 'not_found' | 'last_admin' {
	return db.transaction((tx) => {
		const target = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!target) return 'not_found';
		if (disabled && target.globalRole === 'admin' && !target.disabled) {
			if (activeAdmins(tx) <= 1) return 'last_admin';
		}
		tx.update(users).set({ disabled }).where(eq(users.id, userId)).run();
		if (disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		recordAudit(tx, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: disabled ? 'disabled' : 'enabled'
		});
		return 'ok';
	});
}

export function getPerson(db: DB, id: number) {
	const person = db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			globalRole: users.globalRole,
			disabled: users.disabled,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, id))
		.get();
	return person && { ...person, memberships: userMemberships(db, id) };
}

const activeAdmins = (tx: Tx) =>
	tx
		.select({ n: count() })
		.from(users)
		.where(and(eq(users.globalRole, 'admin'), eq(users.disabled, false)))
		.get()!.n;

/** Changes a global role; the last active admin keeps theirs. */
export function setGlobalRole(
	db: DB,
	actorId: number,
	userId: number,
	globalRole: GlobalRole
): 'ok' | 'not_found' | 'last_admin' {
	return db.transaction((tx) => {
		const target = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!target) return 'not_found';
		if (target.globalRole === globalRole) return 'ok';
		if (target.globalRole === 'admin' && !target.disabled && activeAdmins(tx) <= 1) {
			return 'last_admin';
		}
		tx.update(users).set({ globalRole }).where(eq(users.id, userId)).run();
		recordAudit(tx, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: 'role_changed',
			changes: { from: target.globalRole, to: globalRole }
		});
		return 'ok';
	});
}

/** Adds someone to an organisation, or changes their role there. */
export function setMembership(
	db: DB,
	actorId: number,
	userId: number,
	organisationId: number,
	role: MembershipRole
) {
	db.transaction((tx) => {
		tx.insert(memberships)
			.values({ userId, organisationId, role })
			.onConflictDoUpdate({
				target: [memberships.userId, memberships.organisationId],
				set: { role }
			})
			.run();
		recordAudit(tx, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: 'membership_set',
			changes: { organisationId, role }
		});
	});
}

export function removeMembership(db: DB, actorId: number, userId: number, organisationId: number) {
	return db.transaction((tx) => {
		const done = tx
			.delete(memberships)
			.where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
			.run();
		if (done.changes === 0) return false;
		recordAudit(tx, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: 'membership_removed',
			changes: { organisationId }
		});
		return true;
	});
}
