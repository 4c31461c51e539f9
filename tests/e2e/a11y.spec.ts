import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectValidHtml } from '../pages/markup';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// axe-core with every WCAG 2.0, 2.1 and 2.2 A/AA rule, signed in, on a phone and a desktop
// screen, in French and in Arabic (right to left): no violation at all. The HTML the server sends
// for the same pages validates with html-validate (tests/pages/markup.ts).
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The pages people use most (home, visits, a visit and its programme, delegation, lessons and
// actions, dashboard, account, notifications, evaluations) and the staff's own.
const MAIN = [
	'/',
	'/visits',
	'/visits/1',
	'/visits/1/agenda',
	'/visits/1/delegation',
	'/visits/1/lessons',
	'/visits/1/actions',
	'/lessons',
	'/actions',
	'/dashboard',
	'/organisations/2',
	'/peers?q=lecture',
	'/peers/suggestions',
	'/network',
	'/account',
	'/notifications',
	'/evaluations'
];
const MORE = [
	'/visits/new',
	'/visits/5/edit',
	'/organisations',
	'/admin',
	'/admin/people/1',
	'/admin/organisations',
	'/admin/organisations/new',
	'/admin/organisations/2',
	'/admin/themes',
	'/admin/audit',
	'/invitations'
];
const VIEWPORTS = {
	phone: { width: 390, height: 844 },
	desktop: { width: 1280, height: 800 }
};

// Two dozen pages through axe take longer than the default 30 s on a 2-core machine.
test.setTimeout(240_000);
// The language is saved on the shared staff account: French again, even after a failure.
test.afterEach(async ({ page }) => {
	if (page.url().startsWith('http')) await setLanguage(page, 'fr');
});

/** axe's WCAG violations on the page, as `rule: targets`, for a readable failure. */
async function wcagViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
}

for (const locale of ['fr', 'ar'] as const) {
	for (const [screen, viewport] of Object.entries(VIEWPORTS)) {
		test(`the main pages meet WCAG 2.2 AA for axe on a ${screen} in ${locale}`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await signIn(page, ACCOUNTS.staff);
			await setLanguage(page, locale);
			const results: Record<string, string[]> = {};
			// The extra pages once, on the phone, where most people read them.
			const paths = screen === 'phone' ? [...MAIN, ...MORE] : MAIN;
			for (const path of paths) {
				const res = await page.goto(path);
				expect(res?.status(), path).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				results[path] = await wcagViolations(page);
			}
			await setLanguage(page, 'fr');
			expect(results).toEqual(Object.fromEntries(paths.map((p) => [p, []])));
		});
	}

	test(`the sign-in page meets WCAG 2.2 AA and validates in ${locale}`, async ({
		page,
		context
	}) => {
		await context.addCookies([
			{ name: 'PARAGLIDE_LOCALE', value: locale, url: 'http://127.0.0.1' }
		]);
		for (const viewport of Object.values(VIEWPORTS)) {
			await page.setViewportSize(viewport);
			const res = await page.goto('/login');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			expect(await wcagViolations(page)).toEqual([]);
			await expectValidHtml(await res!.text(), `${locale} /login`);
		}
	});

	test(`the main pages' server HTML validates in ${locale}`, async ({ page }) => {
		await signIn(page, ACCOUNTS.staff);
		await setLanguage(page, locale);
		for (const path of [...MAIN, ...MORE]) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(200);
			await expectValidHtml(await res!.text(), `${locale} ${path}`);
		}
		await setLanguage(page, 'fr');
	});
}

test('the header names its links and switcher by their visible text, in each language', async ({
	page
}) => {
	// The coordinator has unread notifications in the demo: the count is part of the name.
	await signIn(page, ACCOUNTS.dtCoordinator);
	const names = {
		fr: ['Notifications', 'non lues', 'Français', 'Changer de langue'],
		en: ['Notifications', 'unread', 'English', 'Change language'],
		es: ['Notificaciones', 'sin leer', 'Español', 'Cambiar de idioma'],
		ar: ['الإشعارات', 'غير مقروءة', 'العربية', 'تغيير اللغة']
	} as const;
	for (const [locale, [bell, unread, language, change]] of Object.entries(names)) {
		await setLanguage(page, locale as 'fr');
		for (const viewport of Object.values(VIEWPORTS)) {
			await page.setViewportSize(viewport);
			await page.goto('/visits');
			const header = page.getByRole('banner');
			const link = header.getByRole('link', { name: new RegExp(`^${bell} \\d+ ${unread}$`) });
			await expect(link).toBeVisible();
			// The visible text (the count on a phone, the label too on a desktop) is in the name.
			const count = (await link.locator('.count').textContent())!.trim();
			await expect(link).toHaveAccessibleName(new RegExp(count));
			// On a phone the switcher is in the header's menu.
			if (viewport === VIEWPORTS.phone) await header.locator('details.menu > summary').click();
			const summary = header.locator('details.language summary');
			await expect(summary).toHaveText(new RegExp(`^\\s*${language}`));
			await expect(summary).toHaveAccessibleName(`${language} (${change})`);
		}
	}
	await setLanguage(page, 'fr');
});
