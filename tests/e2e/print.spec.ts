import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// The programme on paper (issue 5): one or two A4 pages, with nothing on it that asks for a click.
// Screens and PDFs go to test-results/screens/ for a human look.
const SCREENS = 'test-results/screens';

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each (`/Pages` is the tree). */
function pdfPages(path: string) {
	return (
		readFileSync(path)
			.toString('latin1')
			.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
	);
}

/** Paper shows no navigation, header, skip link, button or form. */
async function expectNoChrome(page: Page) {
	await expect(page.locator('nav')).toBeHidden();
	await expect(page.locator('header.app-header')).toBeHidden();
	await expect(page.locator('a.skip')).toBeHidden();
	await expect(page.getByRole('button')).toHaveCount(0);
	await expect(page.locator('form:visible, details:visible')).toHaveCount(0);
}

// The inside of an A4 sheet (210 × 297 mm less 12 mm margins) at 96 dpi: print screenshots wrap
// lines as paper does, and a screenshot's height over 1032 px is about its number of pages.
test.use({ viewport: { width: 703, height: 1032 } });

const pdf = (page: Page, name: string) =>
	page.pdf({ format: 'A4', preferCSSPageSize: true, path: `${SCREENS}/${name}.pdf` });

test('the KEOOGO visit prints on one or two A4 pages, in French and Arabic', async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto('/visits/1/agenda');
	await page.getByRole('link', { name: 'Programme imprimable' }).click();
	await expect(page).toHaveURL(/\/visits\/1\/agenda\/print$/);
	await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Retour au programme' })).toBeVisible();

	const sheet = page.locator('article.programme-sheet');
	await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(
		'Observer les classes préscolaires du Dispensaire Trottoir'
	);
	for (const text of [
		'Dispensaire Trottoir',
		'KEOOGO',
		'PARTAGE',
		'Bobo-Dioulasso, Burkina Faso',
		'5–10 mai 2024',
		/Tous les horaires : heure de \u2068?Africa\/Ouagadougou/,
		'Contact (Dispensaire Trottoir)',
		'Issa Traoré',
		'coordinator@dispensaire-trottoir.example.org'
	]) {
		await expect(sheet).toContainText(text);
	}
	// The zone is said once, not on every line.
	expect((await sheet.textContent())?.match(/Africa\/Ouagadougou/g)).toHaveLength(1);
	const days = sheet.locator('tbody tr.day');
	await expect(days).toHaveText([
		'dimanche 5 mai 2024',
		'lundi 6 mai 2024',
		'mardi 7 mai 2024',
		'mercredi 8 mai 2024',
		'jeudi 9 mai 2024',
		'vendredi 10 mai 2024'
	]);
	for (const body of await sheet.locator('tbody').all()) {
		expect(await body.locator('tr:not(.day)').count()).toBeGreaterThan(0);
	}
	await expect(sheet.locator('tbody').first()).toContainText('✈ Voyage');
	await expect(sheet.locator('tbody').first()).toContainText('07:00–12:00');

	await page.emulateMedia({ media: 'print' });
	await expectNoChrome(page);
	await expect(sheet).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/print-fr.png`, fullPage: true });
	await pdf(page, 'programme');
	expect(pdfPages(`${SCREENS}/programme.pdf`)).toBeGreaterThanOrEqual(1);
	expect(pdfPages(`${SCREENS}/programme.pdf`)).toBeLessThanOrEqual(2);

	// The editing page prints clean too: sessions, no forms, warnings or navigation.
	await page.goto('/visits/1/agenda');
	await expectNoChrome(page);
	await expect(page.locator('li.session').first()).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/print-agenda-fr.png`, fullPage: true });

	await setLanguage(page, 'ar');
	await page.goto('/visits/1/agenda/print');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(sheet).toContainText(/جميع الأوقات بتوقيت \u2068?Africa\/Ouagadougou/);
	await expectNoChrome(page);
	await page.screenshot({ path: `${SCREENS}/print-ar.png`, fullPage: true });
	await pdf(page, 'programme-ar');
	expect(pdfPages(`${SCREENS}/programme-ar.pdf`)).toBeLessThanOrEqual(2);
	await setLanguage(page, 'fr');
});

test('the Tangiers meeting prints its parallel workshops on at most two pages', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto('/visits/3/agenda/print');
	const sheet = page.locator('article.programme-sheet');
	// The zone is bidi-isolated (U+2068…U+2069) so it reads right in Arabic too.
	await expect(sheet).toContainText(/Tous les horaires : heure de \u2068?Africa\/Casablanca/);
	// The host has no account yet: the proposer's coordinator answers.
	await expect(sheet).toContainText('Contact (PARTAGE)');
	await expect(sheet).toContainText('staff@partage.example.org');
	await expect(sheet.locator('tbody tr.day')).toHaveCount(6);
	await expect(sheet.locator('tr.parallel', { hasText: 'Atelier A' })).toBeVisible();
	await expect(sheet.locator('tr.parallel', { hasText: 'Atelier B' })).toBeVisible();
	await expect(sheet.locator('tr', { hasText: '100 % Mamans' }).first()).toContainText(
		'Visite de site'
	);
	await expect(sheet.getByText(/Séances en parallèle/)).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expectNoChrome(page);
	await page.screenshot({ path: `${SCREENS}/print-tangiers-fr.png`, fullPage: true });
	await pdf(page, 'programme-tangiers');
	expect(pdfPages(`${SCREENS}/programme-tangiers.pdf`)).toBeLessThanOrEqual(2);
});

test('a programme nobody may read does not print, and signing in is required', async ({ page }) => {
	expect((await page.goto('/visits/1/agenda/print'))?.url()).toContain('/login');
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	expect((await page.goto('/visits/999999/agenda/print'))?.status()).toBe(404);
});
