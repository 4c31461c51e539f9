import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from '../pages/session';

// The whole flow with the keyboard only: no click, no fill. Each step Tabs to its target (failing
// if it is not reachable in the tab order) and uses Enter, Space or typing, as a person would.
async function tabTo(page: Page, target: Locator, max = 60) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`not reachable with Tab: ${target}`);
}

test('sign in, use the skip link, edit a theme, switch language and sign out by keyboard', async ({
	page
}) => {
	await page.goto('/login');
	await tabTo(page, page.getByLabel('Adresse e-mail'));
	await page.keyboard.type(ACCOUNTS.staff);
	await tabTo(page, page.getByLabel('Mot de passe'));
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/:\d+\/$/);

	// The first Tab reaches the skip link, which moves focus to the content.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	await page.keyboard.press('Shift+Tab');
	await tabTo(page, page.getByRole('link', { name: 'Administration' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/admin$/);
	await tabTo(page, page.getByRole('link', { name: 'Thèmes' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/admin\/themes$/);

	const theme = page.locator('details', { hasText: 'Éducation préscolaire' });
	await tabTo(page, theme.locator('summary'));
	await page.keyboard.press('Enter');
	await tabTo(page, theme.getByLabel('Nom (English)'));
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Early childhood education');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Enregistré.');
	await expect(theme.getByLabel('Nom (English)')).toHaveValue('Early childhood education');

	await tabTo(page, page.locator('details.language summary'));
	await page.keyboard.press('Enter');
	await tabTo(page, page.locator('details.language').getByRole('button', { name: 'English' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');

	// Put the name and the language back for the other tests, still by keyboard.
	const again = page.locator('details', { hasText: 'Early childhood education' });
	await tabTo(page, again.locator('summary'));
	await page.keyboard.press('Enter');
	await tabTo(page, again.getByLabel('Name (English)'));
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Pre-school education');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.keyboard.press('Shift+Tab');
	await tabTo(page, page.locator('details.language summary'));
	await page.keyboard.press('Enter');
	await tabTo(page, page.locator('details.language').getByRole('button', { name: 'Français' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

	await tabTo(page, page.getByRole('button', { name: 'Se déconnecter' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/login/);
});
