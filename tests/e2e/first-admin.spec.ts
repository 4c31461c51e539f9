import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// Runs against the second server, started on an empty database without demo data.
const EMPTY = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? '4173') + 1}`;

test('an empty database offers only the printed first-admin link, which works once', async ({
	page
}) => {
	const log = readFileSync(`test-results/server-${EMPTY.split(':').pop()}.log`, 'utf8');
	const link = log.match(/http:\/\/\S+\/invite\/[a-z2-7]{64}/)?.[0];
	expect(link, 'the server prints the first-admin link at start-up').toBeTruthy();

	await page.goto(`${EMPTY}/visits`);
	await expect(page).toHaveURL(`${EMPTY}/setup`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		"Passerelle n'est pas encore configuré"
	);

	await page.goto(link!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Premier compte administrateur');
	await page.getByLabel('Adresse e-mail').fill('admin@partage.example.org');
	await page.getByLabel('Nom').fill('Yolaine');
	await page.getByLabel('Nouveau mot de passe').fill('court');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page.locator('#field-password-error')).toHaveText('Au moins 10 caractères.');
	await expect(page.getByLabel('Nom')).toHaveValue('Yolaine');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue('admin@partage.example.org');

	await page.getByLabel('Nouveau mot de passe').fill('un mot de passe solide');
	await page.getByLabel('Langue préférée').selectOption('en');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL(`${EMPTY}/`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Admin' })).toBeVisible();
	await expect(page.getByText('Nothing is waiting for your answer.')).toBeVisible();
	await page.goto(`${EMPTY}/visits`);
	await expect(page.getByText('No visits yet.')).toBeVisible();

	const again = await page.goto(link!);
	expect(again?.status()).toBe(410);
	await expect(page.getByText('This invitation link has expired, was already used')).toBeVisible();
	const forged = await page.goto(`${EMPTY}/invite/${'a'.repeat(64)}`);
	expect(forged?.status()).toBe(404);
});
