import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// The demo tells the Dispensaire Trottoir coordinator three things, none read yet: RACINES's
// proposal, and the Tangiers meeting and the May 2024 visit being completed. The tests below run
// in order (one worker) and read them one after the other.
const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });
const headerLink = (page: Page) =>
	page.getByRole('banner').getByRole('link', { name: /^Notifications/ });

/** The unread count the header shows (and names: "Notifications 3 non lues"), 0 when none. */
async function headerCount(page: Page) {
	const count = headerLink(page).locator('.count');
	if ((await count.count()) === 0) return 0;
	const n = Number(await count.textContent());
	await expect(headerLink(page)).toHaveAccessibleName(new RegExp(` ${n} (?:non lues|غير مقروءة)$`));
	return n;
}

/** axe-core finds nothing serious (contrast, names, landmarks…). */
async function noSeriousAxeViolation(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
}

async function noHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('nobody else can read or mark a coordinator’s notification', async ({ page }) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	const before = await headerCount(page);
	expect(before).toBeGreaterThanOrEqual(3);
	await page.goto('/notifications');
	const id = await page.locator('input[name="id"]').first().inputValue();

	await page.context().clearCookies();
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	const origin = new URL(page.url()).origin;
	for (const action of ['read', 'readAll']) {
		const res = await page.request.post(`/notifications?/${action}`, {
			form: { id },
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), action).toBe(action === 'read' ? 404 : 200);
	}
	// Their own notifications are all read now (other specs may have given them some).
	await page.goto('/notifications');
	await expect(page.locator('li.notification.unread')).toHaveCount(0);
	await expect(headerLink(page)).toHaveAccessibleName('Notifications');
	await page.screenshot(shot('notifications-read-fr'));

	await page.context().clearCookies();
	await signIn(page, ACCOUNTS.dtCoordinator);
	expect(await headerCount(page)).toBe(before);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('opening an unread notification marks it read and leads to the visit', async ({ page }) => {
		await signIn(page, ACCOUNTS.dtCoordinator);
		const before = await headerCount(page);
		await headerLink(page).click();
		await expect(page).toHaveURL(/\/notifications$/);
		await page.getByRole('button', { name: /Communauté de pratiques.*Terminée/ }).click();
		await expect(page).toHaveURL(/\/visits\/\d+$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Communauté de pratiques');
		expect(await headerCount(page)).toBe(before - 1);
	});
});

test.describe('with JavaScript', () => {
	test.afterEach(async ({ page }) => {
		if (page.url().startsWith('http')) await setLanguage(page, 'fr');
	});

	test('a coordinator sees the count, follows a notification, then marks all read', async ({
		page
	}) => {
		await signIn(page, ACCOUNTS.dtCoordinator);
		const before = await headerCount(page);
		expect(before).toBeGreaterThanOrEqual(2);
		await expect(headerLink(page)).toContainText(String(before));
		await headerLink(page).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
		await expect(page.getByText(`Non lues : ${before}`)).toBeVisible();
		const items = page.locator('li.notification');
		// Other specs add notifications of their own visits: find the demo's among them.
		await expect(items.filter({ hasText: /RACINES\W* propose une visite/ })).toHaveCount(1);
		// The Tangiers one, read without JavaScript above, is a plain link now.
		await expect(page.getByRole('link', { name: /Communauté de pratiques/ })).toHaveAttribute(
			'href',
			/^\/visits\/\d+$/
		);
		await page.screenshot(shot('notifications-fr'));
		await noSeriousAxeViolation(page);

		await page.setViewportSize({ width: 360, height: 740 });
		await noHorizontalScroll(page);
		await page.screenshot(shot('notifications-360-fr'));
		await setLanguage(page, 'ar');
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('الإشعارات');
		await noHorizontalScroll(page);
		await page.screenshot(shot('notifications-360-ar'));
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.screenshot(shot('notifications-ar'));
		await noSeriousAxeViolation(page);
		await setLanguage(page, 'fr');
		await page.reload();

		await page.getByRole('button', { name: /RACINES\W* propose une visite/ }).click();
		await expect(page).toHaveURL(/\/visits\/\d+$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'Découvrir la pédagogie préscolaire'
		);
		const visitUrl = new URL(page.url()).pathname;
		expect(await headerCount(page)).toBe(before - 1);

		await headerLink(page).click();
		await expect(page.getByRole('link', { name: /RACINES\W* propose une visite/ })).toHaveAttribute(
			'href',
			visitUrl
		);
		await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'Toutes vos notifications sont marquées comme lues.'
		);
		await expect(headerLink(page)).toHaveAccessibleName('Notifications');
		await expect(page.getByText('Non lue', { exact: true })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Tout marquer comme lu' })).toHaveCount(0);
		await page.screenshot(shot('notifications-all-read-fr'));
	});
});
