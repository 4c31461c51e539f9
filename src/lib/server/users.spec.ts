import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from './db/test-db';
import type { DB } from './db';
import { users } from './db/schema';
import { hashPassword } from './auth/password';
import { authenticate, findUserByEmail } from './users';

let db: DB;

beforeAll(async () => {
	db = createTestDb();
	const passwordHash = await hashPassword('un mot de passe');
	db.insert(users)
		.values([
			{ email: 'Safiatou@Keoogo.example.org', name: 'Safiatou', passwordHash },
			{ email: 'gone@keoogo.example.org', name: 'Gone', passwordHash, disabled: true }
		])
		.run();
});

describe('authenticate', () => {
	it('finds the account whatever the case and surrounding spaces of the e-mail', async () => {
		expect(findUserByEmail(db, '  safiatou@KEOOGO.example.org ')?.name).toBe('Safiatou');
		expect((await authenticate(db, 'SAFIATOU@keoogo.example.org', 'un mot de passe'))?.name).toBe(
			'Safiatou'
		);
	});

	it('answers null for a wrong password, an unknown e-mail and a disabled account', async () => {
		expect(await authenticate(db, 'safiatou@keoogo.example.org', 'Un mot de passe')).toBeNull();
		expect(await authenticate(db, 'nobody@keoogo.example.org', 'un mot de passe')).toBeNull();
		expect(await authenticate(db, 'gone@keoogo.example.org', 'un mot de passe')).toBeNull();
		const gone = db.select().from(users).where(eq(users.name, 'Gone')).get();
		expect(gone?.disabled).toBe(true);
	});
});
