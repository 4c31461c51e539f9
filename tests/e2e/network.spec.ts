import { expect, test } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

test.describe('the network map, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a member sees every organisation on the map and the visits as arcs, filtered by year', async ({
		page
	}) => {
		await signIn(page, ACCOUNTS.keoogoMember);
		await page.goto('/network');
		await expect(page.getByRole('heading', { name: 'Carte du réseau', level: 1 })).toBeVisible();
		const map = page.getByRole('img', { name: /Carte du monde/ });
		await expect(map).toBeVisible();
		// One dot per place, and the table lists the same places.
		const dots = await map.locator('circle').count();
		expect(dots).toBeGreaterThan(5);
		await expect(page.locator('section[aria-labelledby="places"] tbody tr')).toHaveCount(dots);
		// KEOOGO visited the Dispensaire Trottoir in May 2024: an arc, and its row in the table
		// (visitor, then host: the demo's coming visit the other way round has its own row).
		const pairs = page.locator('section[aria-labelledby="pairs"] tbody tr');
		const pair = (visitor: string, host: string) =>
			pairs
				.filter({ has: page.locator('td:nth-child(1)', { hasText: visitor }) })
				.filter({ has: page.locator('td:nth-child(2)', { hasText: host }) });
		await expect(pair('KEOOGO', 'DT')).toHaveCount(1);
		expect(await map.locator('.arcs path').count()).toBeGreaterThan(0);
		// The page ships no script at all: the map and the filters are plain HTML.
		expect(await page.locator('script[src], script[type="module"]').count()).toBe(0);

		await page.getByLabel('Année').selectOption('2023');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/year=2023/);
		await expect(pair('KEOOGO', 'DT')).toHaveCount(0);
		await expect(pair('RACINES', 'MAEECHA')).toHaveCount(1);
		// Organisations stay on the map whatever the filter.
		await expect(map.locator('circle')).toHaveCount(dots);
	});
});

test.describe('the network map on screens', () => {
	test.afterEach(async ({ page }) => {
		if (page.url().startsWith('http')) await setLanguage(page, 'fr');
	});
	for (const [name, viewport] of [
		['phone', { width: 390, height: 844 }],
		['laptop', { width: 1280, height: 800 }]
	] as const) {
		test(`fits a ${name} in French and Arabic`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await signIn(page, ACCOUNTS.staff);
			for (const locale of ['fr', 'ar'] as const) {
				await setLanguage(page, locale);
				await page.goto('/network');
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow, `/network in ${locale} on a ${name}`).toBeLessThanOrEqual(0);
				await page.screenshot({
					path: `test-results/screens/${locale}-network-${name}.png`,
					fullPage: true
				});
			}
		});
	}
});
