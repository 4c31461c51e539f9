// Who a mail is for, as the letters need them: an address, a language and a time zone (theirs,
// else the network's), and what the policy needs to decide what they may read.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { memberships, organisations, users } from '../db/schema';
import type { Actor } from '../policy/rules';
import type { Locale } from '$lib/enums';

/** The network works in French first: the language of a mail to someone who chose none. */
export const NETWORK_LOCALE: Locale = 'fr';

export type Recipient = {
	id: number;
	email: string;
	locale: Locale;
	timeZone: string;
	actor: NonNullable<Actor>;
};

/** The network's time zone: its staff organisation's (the first one), else UTC. */
export function networkTimeZone(tx: Tx): string {
	return (
		tx
			.select({ zone: organisations.timeZone })
			.from(organisations)
			.where(eq(organisations.isNetworkStaff, true))
			.orderBy(organisations.id)
			.get()?.zone ?? 'UTC'
	);
}

export const recipientColumns = {
	id: users.id,
	email: users.email,
	locale: users.preferredLocale,
	timeZone: users.timeZone,
	globalRole: users.globalRole
};

type Row = {
	id: number;
	email: string;
	locale: Locale | null;
	timeZone: string | null;
	globalRole: NonNullable<Actor>['globalRole'];
};

/** Completes selected users (recipientColumns) with their defaults and memberships. */
export function asRecipients(tx: Tx, rows: Row[]): Recipient[] {
	if (!rows.length) return [];
	const zone = networkTimeZone(tx);
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		locale: r.locale ?? NETWORK_LOCALE,
		timeZone: r.timeZone || zone,
		actor: {
			id: r.id,
			globalRole: r.globalRole,
			memberships: tx
				.select({ organisationId: memberships.organisationId, role: memberships.role })
				.from(memberships)
				.where(eq(memberships.userId, r.id))
				.all()
		}
	}));
}
