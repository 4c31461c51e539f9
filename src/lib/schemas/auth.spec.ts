import { describe, expect, it } from 'vitest';
import { loginSchema } from './auth';
import { fieldErrors, safeRedirect } from './common';

const errorsOf = (input: Record<string, unknown>) => {
	const result = loginSchema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
};

describe('login form', () => {
	it('accepts an e-mail with spaces around it and keeps the password as typed', () => {
		const result = loginSchema.parse({ email: '  awa@keoogo.org ', password: ' pass word ' });
		expect(result).toEqual({ email: 'awa@keoogo.org', password: ' pass word ' });
	});

	it('names each missing or wrong field with a code the page translates', () => {
		expect(errorsOf({})).toEqual({ email: 'required', password: 'required' });
		expect(errorsOf({ email: 'awa', password: 'x' })).toEqual({ email: 'invalid_email' });
		expect(errorsOf({ email: 'a@b.org', password: 'x'.repeat(10_000) })).toEqual({
			password: 'too_long'
		});
		expect(errorsOf({ email: ['a@b.org'], password: 42 })).toEqual({
			email: 'required',
			password: 'required'
		});
	});
});

describe('safeRedirect', () => {
	it('keeps a local path', () => {
		expect(safeRedirect('/visits/3?tab=agenda', '/visits')).toBe('/visits/3?tab=agenda');
	});

	it('refuses anything that could leave the site', () => {
		for (const bad of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'visits',
			null
		]) {
			expect(safeRedirect(bad, '/visits')).toBe('/visits');
		}
	});
});
