import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, switchLanguage } from '../pages/session';

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });

test('staff create an organisation, fix bad input, edit, archive and restore it', async ({
	page
}) => {
	const name = `Centre Lumière ${Date.now()}`;
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/admin/organisations');
	await page.getByRole('link', { name: 'Nouvelle organisation' }).click();

	await page.getByLabel('Nom complet').fill(name);
	await page.getByLabel('Nom court').fill('KEOOGO');
	await page.getByLabel('Pays').selectOption('SN');
	await page.getByLabel('Fuseau horaire').fill('Afrique/Dakar');
	await page.getByRole('button', { name: "Créer l'organisation" }).click();
	await expect(page.locator('.error-summary')).toContainText('à corriger');
	await expect(page.locator('p.error').getByText('Cette valeur est déjà utilisée.')).toBeVisible();
	await expect(page.locator('p.error').getByText('Fuseau horaire inconnu')).toBeVisible();
	await expect(page.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(page.getByLabel('Nom complet')).toHaveValue(name);
	await expect(page.getByLabel('Pays')).toHaveValue('SN');
	await page.screenshot(shot('admin-organisation-errors-fr'));

	await page.getByLabel('Nom court').fill('LUMIERE');
	await page.getByLabel('Ville').fill('Thiès');
	await page.getByLabel('Fuseau horaire').fill('Africa/Dakar');
	await page.getByRole('button', { name: "Créer l'organisation" }).click();
	await expect(page.getByRole('status')).toHaveText('Organisation créée.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

	await page.getByLabel('Ville').fill('Dakar');
	await page.getByRole('button', { name: 'Enregistrer' }).first().click();
	await expect(page.getByRole('status')).toHaveText('Enregistré.');
	await expect(page.getByLabel('Ville')).toHaveValue('Dakar');

	await page.getByRole('button', { name: "Archiver l'organisation" }).click();
	await expect(page.getByText(/Archivée le/)).toBeVisible();
	await page.goto('/invitations');
	await expect(page.getByLabel('Organisation').locator('option', { hasText: name })).toHaveCount(0);
	await page.goto('/admin/organisations');
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Archivée');
	await page.getByRole('link', { name }).click();
	await page.getByRole('button', { name: "Réactiver l'organisation" }).click();
	await expect(page.getByText(/Archivée le/)).toHaveCount(0);

	// Nothing refers to it: it can be deleted, after a confirmation.
	await page.getByText('Supprimer…').click();
	await expect(page.getByText(/La supprimer définitivement/)).toBeVisible();
	await page.getByRole('button', { name: 'Oui, supprimer' }).click();
	await expect(page.getByRole('status')).toHaveText('Organisation supprimée.');
	await expect(page.getByRole('link', { name })).toHaveCount(0);
});

test('an organisation with visits offers archiving but no deletion', async ({ page }) => {
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/admin/organisations');
	await page.getByRole('link', { name: 'Dispensaire Trottoir' }).click();
	await expect(page.getByText(/Visites : [1-9]/)).toBeVisible();
	await expect(page.getByText('Supprimer…')).toHaveCount(0);
	const origin = new URL(page.url()).origin;
	const res = await page.request.post(page.url() + '?/delete', {
		form: { confirm: 'yes' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(409);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Dispensaire Trottoir/);
	await page.screenshot(shot('admin-organisation-fr'));
});

test('staff name a new theme in the four languages and see it in Arabic', async ({ page }) => {
	const slug = `reading-${Date.now()}`;
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/admin/themes');
	const create = page.locator('form[action="?/create"]');
	await create.getByLabel('Identifiant').fill(slug);
	await create.getByLabel('Nom (Français)').fill('Lecture publique');
	await create.getByRole('button', { name: 'Créer le thème' }).click();
	await expect(create.locator('p.error').getByText('Ce champ est obligatoire.')).toHaveCount(3);
	await expect(create.getByLabel('Nom (Français)')).toHaveValue('Lecture publique');

	await create.getByLabel('Nom (English)').fill('Public reading');
	await create.getByLabel('Nom (Español)').fill('Lectura pública');
	await create.getByLabel('Nom (العربية)').fill('القراءة العامة');
	await create.getByRole('button', { name: 'Créer le thème' }).click();
	await expect(page.getByRole('status')).toHaveText('Thème créé.');
	await expect(page.getByText('Lecture publique')).toBeVisible();

	await switchLanguage(page, 'العربية');
	await expect(page.getByText('القراءة العامة')).toBeVisible();
	await page.screenshot(shot('admin-themes-ar'));
	await switchLanguage(page, 'Français');
});

test('staff give a person a role in another organisation, then read it in the audit log', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Awa Sawadogo' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Awa Sawadogo');

	await page.getByRole('button', { name: "Enregistrer l'appartenance" }).click();
	await expect(page.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();

	await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'RACINES' });
	await page.getByLabel('Rôle', { exact: true }).selectOption('coordinator');
	await page.getByRole('button', { name: "Enregistrer l'appartenance" }).click();
	const racines = page.locator('.org-list li', { hasText: 'RACINES' });
	await expect(racines).toContainText('coordination');
	await page.screenshot(shot('admin-person-fr'));

	await racines.getByRole('button', { name: /Retirer/ }).click();
	await expect(page.locator('.org-list li', { hasText: 'RACINES' })).toHaveCount(0);

	await page.getByRole('link', { name: 'Historique de ce compte' }).click();
	await expect(page).toHaveURL(/\/admin\/audit\?entity=user&entityId=\d+/);
	// In words, not codes.
	await expect(page.getByRole('cell', { name: "Retrait d'une organisation" })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Rattachement à une organisation' })).toBeVisible();

	await page.goto('/admin/audit');
	await page.getByLabel('Action').selectOption('membership_set');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/action=membership_set/);
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await page.getByLabel('Du').fill('2001-01-01');
	await page.getByLabel('Au').fill('2001-01-31');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page.getByText('Aucun événement ne correspond à ces filtres.')).toBeVisible();
	await switchLanguage(page, 'العربية');
	await page.goto('/admin/audit');
	await page.screenshot(shot('admin-audit-ar'));
	await switchLanguage(page, 'Français');
});

test('only an admin may touch an admin; staff cannot grant themselves more', async ({ page }) => {
	await signIn(page, ACCOUNTS.staff);
	const origin = new URL(page.url()).origin;
	await page.goto('/admin');
	await page.getByRole('link', { name: /Awa Sawadogo/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Awa Sawadogo');
	const memberPage = page.url();
	const grant = await page.request.post(memberPage + '?/role', {
		form: { globalRole: 'admin' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(grant.status()).toBe(403);
	const bad = await page.request.post(memberPage + '?/role', {
		form: { globalRole: 'emperor' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(bad.status()).toBe(400);
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Rôle dans le réseau' })).toHaveValue('member');
});

test('coordinators cannot see or use the administration', async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	for (const path of ['/admin/organisations', '/admin/themes', '/admin/audit', '/admin/people/1']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(404);
	}
	const origin = new URL(page.url()).origin;
	const res = await page.request.post('/admin/organisations/new?/save', {
		form: { name: 'X', shortName: 'X', country: 'BF', city: 'X', timeZone: 'Africa/Ouagadougou' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(403);
});
