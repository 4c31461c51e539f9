import { expect, test } from '@playwright/test';

// An address nobody uses elsewhere: blocking it cannot lock out the other tests' accounts.
const EMAIL = 'guessing@example.org';

test('repeated failed sign-ins are slowed, then refused with 429 and Retry-After', async ({
	page,
	request
}) => {
	const origin = 'http://127.0.0.1:' + (process.env.E2E_PORT ?? '4173');
	const attempt = () =>
		request.post('/login', {
			form: { email: EMAIL, password: 'guess' },
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
	const statuses: number[] = [];
	const started = Date.now();
	for (let i = 0; i < 5; i++) statuses.push((await attempt()).status());
	expect(statuses).toEqual([400, 400, 400, 400, 400]);
	// Failures three to five were held back (1 s, 2 s, 3 s).
	expect(Date.now() - started).toBeGreaterThan(5000);

	const refused = await attempt();
	expect(refused.status()).toBe(429);
	expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1);

	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(EMAIL);
	await page.getByLabel('Mot de passe').fill('guess');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('Trop de tentatives pour ce compte');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue(EMAIL);
});
