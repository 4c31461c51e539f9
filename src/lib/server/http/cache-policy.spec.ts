import { describe, expect, it } from 'vitest';
import { KEEP_ON_DEVICE, NEVER_KEEP, cacheControl, ownerKey } from './cache-policy';
import { isKeepable, keptPagesOf, linkOwner, userOwner } from '$lib/offline/keepable';

const seen = (pathname: string, userId: number | null, current: string | null = null) =>
	cacheControl({ pathname, userId, current, status: 200 });

describe('cacheControl', () => {
	it('lets the device keep the offline kit pages of a signed-in person, never a shared cache', () => {
		for (const path of keptPagesOf(5, true)) expect(seen(path, 7)).toBe(KEEP_ON_DEVICE);
		expect(seen('/e/abcdef', null)).toBe(KEEP_ON_DEVICE);
	});

	it('forbids keeping any other personal page: admin, exports, the home page, a failed kit page', () => {
		expect(seen('/admin/users', 1)).toBe(NEVER_KEEP);
		expect(seen('/visits/5/evaluation', 7)).toBe(NEVER_KEEP);
		expect(seen('/', 7)).toBe(NEVER_KEEP);
		expect(cacheControl({ pathname: '/visits/5', userId: 7, current: null, status: 404 })).toBe(
			NEVER_KEEP
		);
	});

	it('keeps what a route chose itself (a download) and leaves public pages alone', () => {
		expect(seen('/actions.xlsx', 7, 'private, no-store')).toBe('private, no-store');
		expect(seen('/attachments/3', 7, 'private, no-cache')).toBe('private, no-cache');
		expect(seen('/login', null)).toBeNull();
		expect(seen('/login', null, 'public, max-age=60')).toBe('public, max-age=60');
	});
});

describe('ownerKey', () => {
	it('files a person under an opaque key, not their id, and a private link under its token', async () => {
		const key = await ownerKey('/visits/5', 7);
		expect(key).toBe(await userOwner(7));
		expect(key).toMatch(/^u-[0-9a-f]{32}$/);
		expect(key).not.toBe(await userOwner(8));
		// The link's key is the same whoever opens it, signed in or not.
		expect(await ownerKey('/e/tok', 7)).toBe(await linkOwner('tok'));
		expect(await ownerKey('/e/tok', null)).toMatch(/^e-[0-9a-f]{32}$/);
		expect(await ownerKey('/login', null)).toBeNull();
	});
});

describe('isKeepable', () => {
	it('keeps the visit pages a delegate reads in the field, not the coordinators’ tools', () => {
		expect(isKeepable('/visits/5/agenda/print')).toBe(true);
		expect(isKeepable('/visits/5/evaluation/sheet')).toBe(true);
		expect(isKeepable('/visits/5/edit')).toBe(false);
		expect(isKeepable('/visits/5/evaluation/results')).toBe(false);
		expect(isKeepable('/visits/5/delegation/3')).toBe(false);
		expect(keptPagesOf(5, false)).not.toContain('/visits/5/evaluation/sheet');
	});
});
