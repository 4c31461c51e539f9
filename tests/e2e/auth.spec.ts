import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';

test.describe('signing in', () => {
	for (const [role, email] of Object.entries(ACCOUNTS)) {
		test(`the ${role} demo account signs in and sees the visits`, async ({ page }) => {
			await signIn(page, email);
			await expect(page.getByRole('heading', { level: 1, name: /^Bonjour / })).toBeVisible();
			await page.getByRole('navigation').getByRole('link', { name: 'Visites' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Visites' })).toBeVisible();
			await expect(
				page.getByRole('link', {
					name: 'Observer les classes préscolaires du Dispensaire Trottoir'
				})
			).toBeVisible();
			const adminLink = page.getByRole('navigation').getByRole('link', { name: 'Administration' });
			await expect(adminLink).toHaveCount(role === 'staff' ? 1 : 0);
		});
	}

	test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
		await signIn(page, ACCOUNTS.keoogoMember);
		const cookie = (await context.cookies()).find((c) => c.name === 'session');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(29 * 86_400_000);
	});

	test('a wrong password and an unknown e-mail get the same message, and the e-mail is kept', async ({
		page
	}) => {
		const messages: string[] = [];
		for (const email of [ACCOUNTS.keoogoCoordinator, 'nobody@example.org']) {
			await page.goto('/login');
			await page.getByLabel('Adresse e-mail').fill(email);
			await page.getByLabel('Mot de passe').fill('not the password');
			await page.getByRole('button', { name: 'Se connecter' }).click();
			const alert = page.getByRole('alert');
			await expect(alert).toBeVisible();
			messages.push((await alert.textContent()) ?? '');
			await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
			await expect(page).toHaveURL(/\/login/);
		}
		expect(messages[0]).toBe('Adresse e-mail ou mot de passe incorrect.');
		expect(messages[1]).toBe(messages[0]);
	});

	test('empty and malformed fields are named next to the field', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page.getByText('Saisissez votre adresse e-mail.')).toBeVisible();
		await expect(page.getByText('Saisissez votre mot de passe.')).toBeVisible();
		await page.getByLabel('Adresse e-mail').fill('awa-at-keoogo');
		await page.getByLabel('Mot de passe').fill('x');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page.getByText("Cette adresse e-mail n'est pas valide.")).toBeVisible();
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue('awa-at-keoogo');
		await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
	});

	test('bad sign-in posts answer 4xx, never 5xx, without JavaScript too', async ({ request }) => {
		const origin = { Origin: 'http://127.0.0.1:' + (process.env.E2E_PORT ?? '4173') };
		const cases = [
			{ email: ACCOUNTS.keoogoCoordinator, password: 'wrong' },
			{ email: 'nobody@example.org', password: 'wrong' },
			{ email: '', password: '' },
			{ email: 'x'.repeat(5000), password: 'y'.repeat(20_000) },
			{ email: '"><script>alert(1)</script>@x.org', password: '\u0000\u202e' }
		];
		for (const form of cases) {
			const res = await request.post('/login', {
				form,
				headers: { ...origin, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(res.status(), JSON.stringify(form).slice(0, 60)).toBe(400);
			expect(res.headers()['set-cookie'] ?? '').not.toContain('session=');
		}
	});

	test('an anonymous visitor is sent to sign in, then back to the page they asked for', async ({
		page
	}) => {
		await page.goto('/organisations');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Forganisations$/);
		await page.getByLabel('Adresse e-mail').fill(ACCOUNTS.dtCoordinator);
		await page.getByLabel('Mot de passe').fill('passerelle-demo');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL(/\/organisations$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisations du réseau');
	});

	test('signing out ends the session: app pages send back to sign in', async ({ page }) => {
		await signIn(page, ACCOUNTS.keoogoCoordinator);
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/visits');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fvisits$/);
	});

	test('a member gets "not found" for the admin pages', async ({ page }) => {
		await signIn(page, ACCOUNTS.keoogoMember);
		const res = await page.goto('/admin');
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erreur 404');
	});
});
