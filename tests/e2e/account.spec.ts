import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn } from '../pages/session';

test('changing the password ends the other sessions; wrong input is named and nothing changes', async ({
	page,
	browser
}) => {
	const other = await browser.newContext({ locale: 'fr-FR' });
	const elsewhere = await other.newPage();
	await signIn(elsewhere, ACCOUNTS.keoogoMember);
	await signIn(page, ACCOUNTS.keoogoMember);
	await page.goto('/account');

	const password = page.locator('form[action="?/password"]');
	await password.getByLabel('Mot de passe actuel').fill('not my password');
	await password.getByLabel('Nouveau mot de passe', { exact: true }).fill('un nouveau secret');
	await password.getByLabel('Confirmer le nouveau mot de passe').fill('un nouveau secret');
	await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(
		page.locator('p.error').getByText("Ce n'est pas votre mot de passe actuel.")
	).toBeVisible();

	await password.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
	await password.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
	await password.getByLabel('Confirmer le nouveau mot de passe').fill('autre');
	await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByText('Au moins 10 caractères.', { exact: true })).toBeVisible();
	await expect(
		page.locator('p.error').getByText('Les deux mots de passe ne sont pas identiques.')
	).toBeVisible();
	// Nothing changed yet: the other device is still signed in.
	await elsewhere.goto('/visits');
	await expect(elsewhere).toHaveURL(/\/visits$/);

	await password.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
	await password.getByLabel('Nouveau mot de passe', { exact: true }).fill('un nouveau secret');
	await password.getByLabel('Confirmer le nouveau mot de passe').fill('un nouveau secret');
	await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByText('Mot de passe modifié.')).toBeVisible();

	await elsewhere.goto('/visits');
	await expect(elsewhere).toHaveURL(/\/login/);
	await page.goto('/visits');
	await expect(page).toHaveURL(/\/visits$/);

	// Back to the demo password for the other tests.
	await page.goto('/account');
	await password.getByLabel('Mot de passe actuel').fill('un nouveau secret');
	await password.getByLabel('Nouveau mot de passe', { exact: true }).fill(DEMO_PASSWORD);
	await password.getByLabel('Confirmer le nouveau mot de passe').fill(DEMO_PASSWORD);
	await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByText('Mot de passe modifié.')).toBeVisible();
	await other.close();
});

test('the profile keeps bad input with a message, and saves name, language and time zone', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	await page.getByRole('link', { name: /Connecté·e/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');

	await page.getByLabel('Nom', { exact: true }).fill('Issa Traoré (DT)');
	await page.getByLabel('Fuseau horaire').fill('Mars/Olympus_Mons');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.locator('p.error').getByText('Fuseau horaire inconnu')).toBeVisible();
	await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Issa Traoré (DT)');
	await expect(page.getByLabel('Fuseau horaire')).toHaveValue('Mars/Olympus_Mons');

	await page.getByLabel('Fuseau horaire').fill('Africa/Ouagadougou');
	await page.getByLabel('Langue préférée').selectOption('es');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toHaveText('Perfil guardado.');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByLabel('Nombre')).toHaveValue('Issa Traoré (DT)');
	await expect(page.getByLabel('Zona horaria')).toHaveValue('Africa/Ouagadougou');

	// Restore the demo profile.
	await page.getByLabel('Nombre').fill('Issa Traoré');
	await page.getByLabel('Idioma preferido').selectOption('fr');
	await page.getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByRole('status')).toHaveText('Profil enregistré.');
});

test('"sign out everywhere else" ends the other sessions only', async ({ page, browser }) => {
	const other = await browser.newContext({ locale: 'fr-FR' });
	const elsewhere = await other.newPage();
	await signIn(elsewhere, ACCOUNTS.staff);
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/account');
	await expect(page.getByText('Cet appareil')).toBeVisible();
	await page.getByRole('button', { name: 'Se déconnecter partout ailleurs' }).click();
	await expect(page.getByText(/Sessions fermées : [1-9]/)).toBeVisible();
	await elsewhere.goto('/visits');
	await expect(elsewhere).toHaveURL(/\/login/);
	await page.goto('/visits');
	await expect(page).toHaveURL(/\/visits$/);
	await other.close();
});
