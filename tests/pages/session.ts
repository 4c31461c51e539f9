import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'passerelle-demo';
export const ACCOUNTS = {
	staff: 'staff@partage.example.org',
	keoogoCoordinator: 'coordinator@keoogo.example.org',
	dtCoordinator: 'coordinator@dispensaire-trottoir.example.org',
	keoogoMember: 'member@keoogo.example.org'
} as const;

/**
 * Signs in through the login form (labels in French, the default language). The demo accounts
 * are shared: if a test that failed half-way left one in another language, French is put back
 * (unless `keepLanguage`, for the tests about that preference) so one failure does not cascade.
 */
export async function signIn(
	page: Page,
	email: string,
	password = DEMO_PASSWORD,
	{ keepLanguage = false } = {}
) {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/:\d+\/$/);
	if (!keepLanguage && (await page.locator('html').getAttribute('lang')) !== 'fr') {
		await setLanguage(page, 'fr');
		await page.goto('/');
	}
}

/** Chooses a language with the header's switcher, as a person would. */
export async function switchLanguage(page: Page, endonym: string) {
	await page.locator('details.language summary').click();
	await page.locator('details.language').getByRole('button', { name: endonym }).click();
}

/**
 * Sets the signed-in user's language as the switcher does (cookie and saved preference), without
 * the clicks. Tests that change it put French back at the end, since the others read French.
 */
export async function setLanguage(page: Page, locale: 'fr' | 'en' | 'es' | 'ar') {
	const origin = new URL(page.url()).origin;
	const res = await page.request.post('/language', {
		form: { locale, redirectTo: '/visits' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
}
