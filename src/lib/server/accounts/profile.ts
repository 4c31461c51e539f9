// What people change about their own account: profile, password, sessions.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { DB } from '../db';
import { sessions, users } from '../db/schema';
import { hashPassword, verifyPassword } from './password';
import { recordAudit } from '../audit/log';
import type { Locale } from '$lib/enums';

export function getProfile(db: DB, userId: number) {
	return db
		.select({
			name: users.name,
			email: users.email,
			preferredLocale: users.preferredLocale,
			timeZone: users.timeZone
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
}

export function updateProfile(
	db: DB,
	userId: number,
	profile: { name: string; preferredLocale: Locale; timeZone: string }
) {
	db.transaction((tx) => {
		const values = { ...profile, timeZone: profile.timeZone || null };
		tx.update(users).set(values).where(eq(users.id, userId)).run();
		recordAudit(tx, {
			actorId: userId,
			entity: 'user',
			entityId: userId,
			action: 'profile_updated',
			changes: values
		});
	});
}

/**
 * Changes the password when the current one is right, and ends every other session of the user:
 * whoever else knew the old password is signed out.
 */
export async function changePassword(
	db: DB,
	userId: number,
	keepSessionId: string,
	current: string,
	next: string
): Promise<'ok' | 'wrong_password'> {
	const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
	if (!row || !(await verifyPassword(row.hash, current))) return 'wrong_password';
	const passwordHash = await hashPassword(next);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		tx.delete(sessions)
			.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
			.run();
		recordAudit(tx, {
			actorId: userId,
			entity: 'user',
			entityId: userId,
			action: 'password_changed'
		});
	});
	return 'ok';
}

export function listSessions(db: DB, userId: number) {
	return db
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			expiresAt: sessions.expiresAt,
			userAgent: sessions.userAgent
		})
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.createdAt))
		.all();
}

/** Signs the user out on every other device; returns how many sessions ended. */
export function signOutOtherSessions(db: DB, userId: number, keepSessionId: string) {
	return db
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
		.run().changes;
}
