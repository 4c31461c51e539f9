import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, switchLanguage } from '../pages/session';

test('the language switcher translates the app, and Arabic is mirrored with Latin digits', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.keoogoMember);
	await page.goto('/visits');
	const expectations = [
		{ endonym: 'English', lang: 'en', dir: 'ltr', heading: 'Visits', status: 'Completed' },
		{ endonym: 'Español', lang: 'es', dir: 'ltr', heading: 'Visitas', status: 'Realizada' },
		{ endonym: 'العربية', lang: 'ar', dir: 'rtl', heading: 'الزيارات', status: 'منتهية' },
		{ endonym: 'Français', lang: 'fr', dir: 'ltr', heading: 'Visites', status: 'Terminée' }
	];
	for (const e of expectations) {
		await switchLanguage(page, e.endonym);
		await expect(page).toHaveURL(/\/visits$/);
		await expect(page.locator('html')).toHaveAttribute('lang', e.lang);
		await expect(page.locator('html')).toHaveAttribute('dir', e.dir);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.heading);
		const card = page.locator('li.card', { hasText: 'Observer les classes préscolaires' });
		await expect(card).toContainText(e.status);
		await expect(card).toContainText('2024');
	}
});

test('in Arabic the layout mirrors: the brand sits on the right, the text starts on the right', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto('/visits');
	await switchLanguage(page, 'العربية');
	const width = page.viewportSize()!.width;
	const brand = (await page.locator('.brand').boundingBox())!;
	expect(brand.x).toBeGreaterThan(width / 2);
	const textAlign = await page
		.locator('h1')
		.evaluate((el) => getComputedStyle(el).direction + ' ' + getComputedStyle(el).textAlign);
	expect(textAlign).toBe('rtl start');
	// Dates keep Latin digits: "٢٠٢٤" would be hard to read for a mixed-language network.
	const dates = await page.locator('li.card .meta').allTextContents();
	expect(dates.join(' ')).toMatch(/2024/);
	expect(dates.join(' ')).not.toMatch(/[\u0660-\u0669]/);
	await switchLanguage(page, 'Français');
});

test("the browser's language is used before anyone chooses", async ({ browser }) => {
	const context = await browser.newContext({ locale: 'es-EC' });
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
	await expect(page.getByLabel('Correo electrónico')).toBeVisible();
	await context.close();
});

test('a chosen language follows the user to another device', async ({ page, browser }) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	await page.goto('/visits');
	await switchLanguage(page, 'English');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visits');

	// A fresh browser whose language is French: the saved preference wins once signed in.
	const other = await browser.newContext({ locale: 'fr-FR' });
	const page2 = await other.newPage();
	await signIn(page2, ACCOUNTS.dtCoordinator, undefined, { keepLanguage: true });
	await expect(page2.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page2.getByRole('navigation').getByRole('link', { name: 'Lessons' })).toBeVisible();
	await other.close();

	// Put it back so other tests see French.
	await switchLanguage(page, 'Français');
});

test('the language switcher works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.locator('details.language summary').click();
	await page.getByRole('button', { name: 'العربية' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيل الدخول');
	await context.close();
});
