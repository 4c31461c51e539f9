import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';
import { goOffline, openProfile, profileDir, serviceWorkerReady } from '../pages/offline';

// The offline field kit (issue 19): an installable app whose visit pages stay readable without a
// network, per person. Demo visit 5 is the upcoming RACINES → Dispensaire Trottoir proposal.

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
		// Moving between kept pages works offline too (client navigation falls back to the kept
		// page itself).
		await page.goto('/visits/5');
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
