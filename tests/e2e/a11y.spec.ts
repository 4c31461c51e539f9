import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// axe-core on the main pages, in French and in Arabic (right to left): no serious or critical
// violation. Lesser ones are printed so they can be looked at.
const PAGES = [
	'/',
	'/visits/new',
	'/visits/5/edit',
	'/notifications',
	'/visits',
	'/visits/1',
	'/organisations',
	'/organisations/2',
	'/peers?q=lecture',
	'/peers/suggestions',
	'/account',
	'/admin',
	'/admin/people/1',
	'/admin/organisations',
	'/admin/organisations/new',
	'/admin/organisations/2',
	'/admin/themes',
	'/admin/audit',
	'/invitations'
];

// Sixteen pages through axe take longer than the default 30 s on a 2-core machine.
test.setTimeout(180_000);

for (const locale of ['fr', 'ar']) {
	test(`axe finds no serious violation on the main pages in ${locale}`, async ({
		page,
		context
	}, testInfo) => {
		const targets: string[] = [];
		const results: Record<string, string[]> = {};
		const check = async (path: string) => {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			const { violations } = await new AxeBuilder({ page }).analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			results[path] = serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
			const minor = violations.filter((v) => !serious.includes(v)).map((v) => v.id);
			if (minor.length)
				testInfo.annotations.push({ type: 'axe-minor', description: `${path}: ${minor}` });
		};
		await signIn(page, ACCOUNTS.staff);
		await setLanguage(page, locale as 'fr');
		for (const path of PAGES) {
			targets.push(path);
			await check(path);
		}
		await setLanguage(page, 'fr');
		await context.clearCookies({ name: 'session' });
		await context.addCookies([
			{ name: 'PARAGLIDE_LOCALE', value: locale, url: 'http://127.0.0.1' }
		]);
		targets.push('/login');
		await check('/login');
		expect(results).toEqual(Object.fromEntries(targets.map((p) => [p, []])));
	});
}
