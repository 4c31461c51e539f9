import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('stores an argon2id hash that is not the password and differs on every call', async () => {
		const a = await hashPassword('passerelle-demo');
		const b = await hashPassword('passerelle-demo');
		expect(a.startsWith('$argon2id$')).toBe(true);
		expect(a).not.toContain('passerelle-demo');
		expect(a).not.toBe(b);
	});

	it('accepts the right password and refuses a wrong one or a broken hash', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'correct horse battery ')).toBe(false);
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});
});
