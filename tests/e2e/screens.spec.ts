import { expect, test } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// Every main page, in each language, on a phone: nothing wider than the screen. The screenshots
// land in test-results/screens/ for people to look at.
const PAGES = [
	'/',
	'/visits/new',
	'/notifications',
	'/visits',
	'/visits/1',
	'/visits/3',
	'/organisations',
	'/organisations/2',
	'/peers?q=lecture',
	'/peers/suggestions',
	'/admin',
	'/lessons',
	'/account',
	'/invitations',
	'/admin/outbox',
	'/admin/organisations/2',
	'/admin/audit'
];
const LOCALES = ['fr', 'en', 'es', 'ar'];

test.use({ viewport: { width: 360, height: 740 } });
// The language is saved on the shared staff account: French again for the tests that follow.
test.afterEach(async ({ page }) => {
	if (page.url().startsWith('http')) await setLanguage(page, 'fr');
});

for (const locale of LOCALES) {
	test(`main pages fit a phone screen in ${locale}, with no script error`, async ({
		page,
		context
	}) => {
		// A blocked script (CSP), a failed hydration or a missing message shows up here.
		const errors: string[] = [];
		page.on('pageerror', (err) => errors.push(err.message));
		page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
		await signIn(page, ACCOUNTS.staff);
		await setLanguage(page, locale as 'fr');
		for (const path of PAGES) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${path} in ${locale} is wider than the phone`).toBeLessThanOrEqual(0);
			const name = path.replaceAll('/', '_').replace(/^_/, '') || 'home';
			await page.screenshot({ path: `test-results/screens/${locale}-${name}.png`, fullPage: true });
		}
		expect(errors).toEqual([]);
	});
}

test('sign-in page on a phone, in Arabic, for the record', async ({ page, context }) => {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'ar', url: 'http://127.0.0.1' }]);
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.screenshot({ path: 'test-results/screens/ar-login.png', fullPage: true });
});
