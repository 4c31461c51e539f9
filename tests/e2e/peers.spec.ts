// Network knowledge: a coordinator lists a practice on their profile (with and without
// JavaScript), finds a peer, and proposes a visit from the result with the form prefilled.
// Screens of the profile and the finder on a phone and a laptop, in French and Arabic.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

const KEOOGO = 2;

async function addEntry(page: Page, list: string, title: string, description: string) {
	const section = page.locator('section', { has: page.getByRole('heading', { name: list }) });
	await section.locator('details > summary').last().click();
	const form = section.locator('form[action="?/add"]');
	await form.getByLabel('Titre (une ligne)').fill(title);
	await form.getByLabel('Description (une phrase)').fill(description);
	await form.getByLabel('Éducation préscolaire').check();
	await form.getByRole('button').click();
	await expect(page.getByRole('status')).toHaveText('Ajouté au profil.');
	await expect(section.locator('.entries > li', { hasText: title })).toBeVisible();
}

async function removeEntry(page: Page, title: string) {
	const entry = page.locator('.entries > li', { hasText: title });
	await entry.locator('summary').click();
	await entry.getByRole('button', { name: 'Retirer du profil' }).click();
	await expect(page.getByRole('status')).toHaveText('Retiré du profil.');
	await expect(page.locator('.entries > li', { hasText: title })).toHaveCount(0);
}

test('a coordinator adds a practice and a wish to their profile, with JavaScript', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto(`/organisations/${KEOOGO}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('KEOOGO');
	await addEntry(page, 'Pratiques à partager', 'Cahier de liaison avec les familles', 'Un cahier.');
	// A title left empty is refused, and what was typed stays.
	const wishes = page.locator('section', {
		has: page.getByRole('heading', { name: "Ce que l'organisation veut apprendre" })
	});
	await wishes.locator('details > summary').last().click();
	const add = wishes.locator('form[action="?/add"]');
	await add.getByLabel('Description (une phrase)').fill('Sans titre');
	await add.getByRole('button').click();
	// The error summary above the form takes focus and names the field.
	await expect(add.locator('.error-summary')).toBeFocused();
	await expect(add.locator('.error-summary')).toContainText('Titre');
	await expect(add.getByLabel('Description (une phrase)')).toHaveValue('Sans titre');
	await removeEntry(page, 'Cahier de liaison avec les familles');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('a coordinator adds and removes a learning wish', async ({ page }) => {
		await signIn(page, ACCOUNTS.keoogoCoordinator);
		await page.goto(`/organisations/${KEOOGO}`);
		await addEntry(
			page,
			"Ce que l'organisation veut apprendre",
			'Gérer une classe de 40 enfants',
			'Des astuces de gestion de classe.'
		);
		await removeEntry(page, 'Gérer une classe de 40 enfants');
	});

	test('the finder is a plain GET form', async ({ page }) => {
		await signIn(page, ACCOUNTS.keoogoCoordinator);
		await page.goto('/peers');
		await page.getByLabel('Nous voulons apprendre…').fill('mobile library');
		await page.getByRole('button', { name: 'Chercher' }).click();
		await expect(page).toHaveURL(/\/peers\?q=mobile\+library/);
		await expect(page.locator('.peers > li').first().getByRole('heading', { level: 2 })).toHaveText(
			'MAEECHA'
		);
	});
});

test('find a peer, then propose a visit with the form prefilled', async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.getByRole('link', { name: 'Trouver un pair' }).first().click();
	await page.getByLabel('Nous voulons apprendre…').fill('bibliothèque mobile');
	await page.getByRole('button', { name: 'Chercher' }).click();
	const first = page.locator('.peers > li').first();
	await expect(first.getByRole('heading', { level: 2 })).toHaveText('MAEECHA');
	// The matched words are marked, as text (never markup from what people typed).
	await expect(first.locator('mark').first()).toHaveText(/Bibliothèque/i);
	await first.getByRole('link', { name: 'Proposer une visite' }).click();
	await expect(page).toHaveURL(/\/visits\/new\?host=5/);
	await expect(page.getByLabel('Organisation partenaire')).toHaveValue('5');
	await expect(page.getByLabel('Bibliothèques mobiles')).toBeChecked();
	await expect(page.getByLabel('Objectifs')).toHaveValue(/MAEECHA.*bibliothèque mobile/);
});

for (const [device, viewport] of [
	['phone', { width: 390, height: 844 }],
	['laptop', { width: 1280, height: 800 }]
] as const) {
	test.describe(`screens on a ${device}`, () => {
		test.use({ viewport });
		test(`profile and finder in French and Arabic (${device})`, async ({ page }) => {
			await signIn(page, ACCOUNTS.keoogoCoordinator);
			try {
				for (const locale of ['fr', 'ar'] as const) {
					await setLanguage(page, locale);
					for (const [name, path] of [
						['profile', `/organisations/${KEOOGO}`],
						['profile-maeecha', '/organisations/5'],
						['peers', '/peers?q=bibliothèque mobile']
					]) {
						await page.goto(path);
						await expect(page.locator('html')).toHaveAttribute('lang', locale);
						const overflow = await page.evaluate(
							() => document.documentElement.scrollWidth - document.documentElement.clientWidth
						);
						expect(overflow, `${path} in ${locale}`).toBeLessThanOrEqual(0);
						await page.screenshot({
							path: `test-results/screens/${locale}-${device}-${name}.png`,
							fullPage: true
						});
					}
				}
			} finally {
				await setLanguage(page, 'fr');
			}
		});
	});
}
