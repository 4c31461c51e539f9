import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale';

const request = (acceptLanguage?: string) =>
	new Request('http://localhost/visits', {
		headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {}
	});

describe('resolveLocale', () => {
	it("takes the user's preference before the cookie and the browser", () => {
		expect(resolveLocale({ preferred: 'ar', cookie: 'es', request: request('en') })).toBe('ar');
	});

	it('takes the cookie before the browser when the user has no preference', () => {
		expect(resolveLocale({ preferred: null, cookie: 'es', request: request('en') })).toBe('es');
	});

	it("takes an evaluation link's language after the person's own choices, before the browser", () => {
		expect(resolveLocale({ link: 'ar', request: request('fr') })).toBe('ar');
		expect(resolveLocale({ cookie: 'es', link: 'ar', request: request('fr') })).toBe('es');
		expect(resolveLocale({ link: 'xx', request: request('en') })).toBe('en');
	});

	it("falls back to the browser's languages in order of preference", () => {
		expect(resolveLocale({ request: request('de-DE,es-EC;q=0.9,en;q=0.8') })).toBe('es');
		expect(resolveLocale({ request: request('ar-MA') })).toBe('ar');
	});

	it('ignores unknown values and ends with French', () => {
		expect(resolveLocale({ preferred: 'xx', cookie: '<script>', request: request('de') })).toBe(
			'fr'
		);
		expect(resolveLocale({ request: request() })).toBe('fr');
	});
});
