import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { invitations, memberships, organisations, outbox, users } from '../db/schema';
import {
	INVITATION_LIFETIME,
	acceptInvitation,
	createInvitation,
	findInvitation,
	firstAdminInvitation,
	listPendingInvitations,
	resendInvitation,
	revokeInvitation
} from './invitations';
import { authenticate } from './users';

const ORIGIN = 'http://localhost:3000';
let db: DB;
let orgId: number;
const tokenOf = (url: string) => url.split('/invite/')[1];
const accept = { name: 'Awa', password: 'un mot de passe sûr', locale: 'fr' as const };

beforeEach(() => {
	db = createTestDb();
	orgId = db
		.insert(organisations)
		.values({ name: 'KEOOGO', shortName: 'KEOOGO', country: 'BF', city: 'Ouaga', timeZone: 'UTC' })
		.returning()
		.get().id;
});

const invite = (email = 'awa@keoogo.example.org') =>
	createInvitation(
		db,
		{ email, organisationId: orgId, role: 'member', globalRole: 'member', invitedById: null },
		ORIGIN
	);

describe('invitations', () => {
	it('stores only a hash of a long token and puts the link in the outbox', () => {
		const { token, url } = invite();
		expect(token).toMatch(/^[a-z2-7]{64}$/);
		const [row] = db.select().from(invitations).all();
		expect(row.tokenHash).not.toContain(token);
		const [mail] = db.select().from(outbox).all();
		expect(mail.to).toBe('awa@keoogo.example.org');
		expect(mail.body).toContain(url);
		expect(mail.body).toContain('KEOOGO');
	});

	it('creates the account with its membership, signs nothing else, and works only once', async () => {
		const { token } = invite();
		const result = await acceptInvitation(db, token, accept);
		expect(result.ok).toBe(true);
		expect(db.select().from(memberships).all()).toMatchObject([
			{ organisationId: orgId, role: 'member' }
		]);
		expect(await authenticate(db, 'awa@keoogo.example.org', accept.password)).not.toBeNull();
		expect(await acceptInvitation(db, token, accept)).toEqual({ ok: false, reason: 'used' });
		expect(db.select().from(users).all()).toHaveLength(1);
	});

	it('refuses expired, revoked, forged and already-registered invitations, writing nothing', async () => {
		const expired = invite('a@x.org');
		const later = Date.now() + INVITATION_LIFETIME + 1;
		expect(await acceptInvitation(db, expired.token, accept, later)).toEqual({
			ok: false,
			reason: 'expired'
		});
		const revoked = invite('b@x.org');
		revokeInvitation(db, revoked.id, null);
		expect(findInvitation(db, revoked.token).status).toBe('revoked');
		expect(findInvitation(db, 'a'.repeat(64)).status).toBe('unknown');
		expect(findInvitation(db, '../../etc/passwd').status).toBe('unknown');
		const first = invite('c@x.org');
		const second = invite('C@X.org');
		await acceptInvitation(db, first.token, accept);
		expect(await acceptInvitation(db, second.token, accept)).toEqual({
			ok: false,
			reason: 'email_taken'
		});
		expect(db.select().from(users).all()).toHaveLength(1);
	});

	it('resending gives a new link and kills the old one', () => {
		const old = invite();
		const fresh = resendInvitation(db, old.id, null, ORIGIN)!;
		expect(findInvitation(db, old.token).status).toBe('revoked');
		expect(findInvitation(db, fresh.token).status).toBe('valid');
		expect(listPendingInvitations(db).map((i) => i.id)).toEqual([fresh.id]);
		expect(db.select().from(outbox).all()).toHaveLength(2);
	});

	it('offers a first-admin link only while there is no account, and only the last one works', async () => {
		const a = firstAdminInvitation(db, ORIGIN)!;
		const b = firstAdminInvitation(db, ORIGIN)!;
		expect(findInvitation(db, tokenOf(a)).status).toBe('revoked');
		const made = await acceptInvitation(db, tokenOf(b), {
			...accept,
			email: 'admin@partage.example.org'
		});
		expect(made.ok).toBe(true);
		expect(db.select().from(users).get()?.globalRole).toBe('admin');
		expect(firstAdminInvitation(db, ORIGIN)).toBeNull();
	});
});
