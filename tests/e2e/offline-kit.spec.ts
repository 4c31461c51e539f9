import { expect, test } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';
import { goOffline, openProfile, profileDir, serviceWorkerReady } from '../pages/offline';

// The offline field kit (issue 19): an installable app whose visit pages stay readable without a
// network, per person. Demo visit 5 is the upcoming RACINES → Dispensaire Trottoir proposal.
// Each test starts a fresh browser profile whose service worker downloads the whole build first.
test.describe.configure({ timeout: 90_000 });

test('Chromium finds the app installable: manifest, icons, service worker', async () => {
	const dir = profileDir();
	const { context, page } = await openProfile(dir.path);
	try {
		await page.goto('/login');
		await serviceWorkerReady(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		dir.remove();
	}
});

test('a kept programme opens offline after a reload and after reopening the browser', async () => {
	const dir = profileDir();
	let { context, page } = await openProfile(dir.path);
	try {
		await signIn(page, ACCOUNTS.dtCoordinator);
		await serviceWorkerReady(page);
		await page.goto('/visits/5');
		await page.getByRole('button', { name: 'Garder pour consulter hors ligne' }).click();
		await expect(page.getByText(/Prêt hors ligne : \d+ pages enregistrées le/)).toBeVisible();

		await page.goto('/visits/5/agenda');
		// A connection that stalls: after a few seconds the kept copy is shown, saying why.
		await context.route('**/visits/5/agenda', async (route) => {
			if (route.request().serviceWorker()) {
				await new Promise((resolve) => setTimeout(resolve, 12_000));
			}
			await route.fallback().catch(() => {});
		});
		await page.reload();
		await expect(page.locator('#offline-banner')).toHaveText(
			/^Connexion trop lente — page enregistrée le /,
			{ timeout: 11_000 }
		);
		await context.unroute('**/visits/5/agenda');

		await goOffline(context);
		await page.reload();
		await expect(page.locator('#offline-banner')).toHaveText(
			/^Hors ligne — page enregistrée le \d+ \S+ à \d\d:\d\d$/
		);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Programme');

		await context.close();
		({ context, page } = await openProfile(dir.path));
		await goOffline(context);
		await page.goto('/visits/5/agenda');
		await expect(page.locator('#offline-banner')).toContainText('Hors ligne');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Programme');
		// Following links between kept pages works offline too: the page hydrates from the
		// precached build, its client-side navigation fails to fetch data and falls back to a
		// full navigation, which the service worker answers with the kept page.
		await page.locator('p.crumbs a').click();
		await expect(page).toHaveURL(/\/visits\/5$/);
		await expect(page.locator('#offline-banner')).toBeVisible();
		await page.getByRole('link', { name: 'Programme jour par jour' }).click();
		await expect(page).toHaveURL(/\/visits\/5\/agenda$/);
		await expect(page.locator('#offline-banner')).toBeVisible();
		await page.getByRole('link', { name: 'Programme imprimable' }).click();
		await expect(page).toHaveURL(/\/visits\/5\/agenda\/print$/);
		await expect(page.locator('#offline-banner')).toBeVisible();

		// A page that was not kept: the offline page, which lists what is.
		await page.goto('/visits/1/report');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hors ligne');
		const kept = page.getByRole('list');
		await expect(kept.getByRole('link')).not.toHaveCount(0);
		await kept
			.getByRole('link', { name: /Programme/ })
			.first()
			.click();
		await expect(page).toHaveURL(/\/visits\/5\/agenda$/);
		await expect(page.locator('#offline-banner')).toBeVisible();
	} finally {
		await context.close();
		dir.remove();
	}
});

test('signing out removes the kept pages: the next person cannot open them offline', async () => {
	const dir = profileDir();
	const { context, page } = await openProfile(dir.path);
	try {
		await signIn(page, ACCOUNTS.dtCoordinator);
		await serviceWorkerReady(page);
		await page.goto('/visits/5/agenda');
		await page.goto('/visits/5');
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/login$/);

		await signIn(page, ACCOUNTS.keoogoCoordinator);
		await goOffline(context);
		await page.goto('/visits/5/agenda');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hors ligne');
		await expect(page.locator('#offline-banner')).toHaveCount(0);
		await expect(page.getByText("Aucune page n'est gardée sur cet appareil")).toBeVisible();
		const names = await page.evaluate(() => caches.keys());
		expect(names.filter((name) => name.startsWith('pages-'))).toEqual([]);
	} finally {
		await context.close();
		dir.remove();
	}
});

test('the offline page speaks the language chosen, and signing out says what it removes', async () => {
	const dir = profileDir();
	const { context, page } = await openProfile(dir.path);
	try {
		await signIn(page, ACCOUNTS.keoogoMember);
		await serviceWorkerReady(page);
		await page.goto('/visits/5');
		await setLanguage(page, 'es');
		await page.goto('/visits/5/agenda');
		await goOffline(context);
		await page.goto('/visits/1/lessons');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sin conexión');
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await page.goto('/visits/5/agenda');
		await expect(page.locator('#offline-banner')).toHaveText(/^Sin conexión — guardada el /);
		await context.unroute('**');
		await context.setOffline(false);
		await page.goto('/logout');
		await expect(
			page.getByText('Cerrar sesión también elimina de este dispositivo las páginas guardadas')
		).toBeVisible();
	} finally {
		await setLanguage(page, 'fr').catch(() => {});
		await context.close();
		dir.remove();
	}
});

test('a private evaluation link opened once stays readable offline, without an account', async ({
	page
}) => {
	// Staff remind visit 2's delegates; the newest link is read from the outbox.
	await signIn(page, ACCOUNTS.staff);
	const origin = new URL(page.url()).origin;
	const headers = { Origin: origin, Accept: 'application/json' };
	await page.request.post('/visits/2/evaluation?/open', { form: {}, headers });
	await page.request.post('/visits/2/evaluation?/remind', { form: {}, headers });
	const outbox = await (await page.request.get('/admin/outbox')).text();
	const link = /\/e\/[a-z2-7]{64}/.exec(outbox)?.[0];
	expect(link).toBeTruthy();

	const dir = profileDir();
	const { context, page: guest } = await openProfile(dir.path);
	try {
		await guest.goto(link!);
		await serviceWorkerReady(guest);
		await guest.reload();
		const title = await guest.getByRole('heading', { level: 1 }).textContent();
		await goOffline(context);
		await guest.reload();
		await expect(guest.locator('#offline-banner')).toContainText('Hors ligne');
		await expect(guest.getByRole('heading', { level: 1 })).toHaveText(title!);
	} finally {
		await context.close();
		dir.remove();
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the visit page offers no keep button, and signing out works as before', async ({
		page
	}) => {
		await signIn(page, ACCOUNTS.dtCoordinator);
		await page.goto('/visits/5');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(
			page.getByRole('button', { name: 'Garder pour consulter hors ligne' })
		).toHaveCount(0);
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/login$/);
	});
});
