import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn } from '../pages/session';

test('a disabled account is signed out on its next request and cannot sign in', async ({
	page,
	browser
}) => {
	const memberContext = await browser.newContext({ locale: 'fr-FR' });
	const member = await memberContext.newPage();
	await signIn(member, ACCOUNTS.keoogoMember);

	await signIn(page, ACCOUNTS.staff);
	await page.goto('/admin');
	const row = page.getByRole('row', { name: /Awa Sawadogo/ });
	await row.getByRole('button', { name: 'Désactiver' }).click();
	await expect(row).toContainText('Désactivé');

	await member.goto('/organisations');
	await expect(member).toHaveURL(/\/login/);
	await member.getByLabel('Adresse e-mail').fill(ACCOUNTS.keoogoMember);
	await member.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await member.getByRole('button', { name: 'Se connecter' }).click();
	await expect(member.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

	// Re-enabled, the account signs in again (and stays usable for the other tests).
	await row.getByRole('button', { name: 'Réactiver' }).click();
	await expect(row).not.toContainText('Désactivé');
	await signIn(member, ACCOUNTS.keoogoMember);
	await memberContext.close();
});

test('a coordinator cannot disable anyone (403)', async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	const origin = new URL(page.url()).origin;
	const res = await page.request.post('/admin?/disable', {
		form: { id: '1' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(403);
});
