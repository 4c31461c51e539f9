import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';

const stamp = Date.now().toString(36);
const COORDINATOR = `coord-${stamp}@mali.example.org`;
const MEMBER = `member-${stamp}@mali.example.org`;

/** The newest invitation link sent to `email`, read from the outbox as staff. */
async function linkFromOutbox(staff: Page, email: string) {
	await staff.goto('/admin/outbox');
	const mail = staff.locator('li.card', { hasText: email }).first();
	const body = await mail.locator('pre').textContent();
	const link = body?.match(/http:\/\/\S+\/invite\/[a-z2-7]{64}/)?.[0];
	expect(link, `a link for ${email} in the outbox`).toBeTruthy();
	return link!;
}

async function accept(browser: Browser, link: string, name: string) {
	const context = await browser.newContext({ locale: 'fr-FR' });
	const page = await context.newPage();
	await page.goto(link);
	await page.getByLabel('Nom').fill(name);
	await page.getByLabel('Nouveau mot de passe').fill('mot de passe du test');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL(/:\d+\/$/);
	return page;
}

test('staff invite a coordinator, who invites a member; both join through their links', async ({
	page,
	browser
}) => {
	await signIn(page, ACCOUNTS.staff);
	await page.getByRole('navigation').getByRole('link', { name: 'Invitations' }).click();
	await page.getByLabel('Adresse e-mail').fill(COORDINATOR);
	await page.getByLabel('Organisation').selectOption({ label: 'Partenaire Mali — Bamako' });
	await page.getByLabel('Rôle', { exact: true }).selectOption('coordinator');
	await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(page.getByRole('status')).toContainText(COORDINATOR);
	await expect(page.locator('ul.org-list')).toContainText(COORDINATOR);

	const coordinator = await accept(browser, await linkFromOutbox(page, COORDINATOR), 'Fanta');
	await coordinator.getByRole('navigation').getByRole('link', { name: 'Invitations' }).click();
	// A coordinator invites members of their own organisation only.
	await expect(coordinator.getByLabel('Organisation').locator('option')).toHaveText([
		'Partenaire Mali — Bamako'
	]);
	await expect(coordinator.getByLabel('Rôle', { exact: true }).locator('option')).toHaveText([
		'membre'
	]);
	await coordinator.getByLabel('Adresse e-mail').fill('pas-une-adresse');
	await coordinator.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(
		coordinator.locator('p.error').getByText("Cette adresse e-mail n'est pas valide.")
	).toBeVisible();
	await expect(coordinator.getByLabel('Adresse e-mail')).toHaveValue('pas-une-adresse');
	await coordinator.getByLabel('Adresse e-mail').fill(MEMBER);
	await coordinator.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(coordinator.getByRole('status')).toContainText(MEMBER);

	const member = await accept(browser, await linkFromOutbox(page, MEMBER), 'Moussa');
	const res = await member.goto('/invitations');
	expect(res?.status()).toBe(404);
	await coordinator.context().close();
	await member.context().close();
});

test('a coordinator cannot invite into another organisation or grant staff (403)', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto('/invitations');
	const origin = new URL(page.url()).origin;
	const post = (form: Record<string, string>) =>
		page.request.post('/invitations?/create', {
			form,
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
	const otherOrg = await post({ email: `x-${stamp}@x.org`, organisationId: '3', role: 'member' });
	expect(otherOrg.status()).toBe(403);
	const own = page.getByLabel('Organisation').locator('option');
	const keoogoId = await own.first().getAttribute('value');
	const staffGrant = await post({
		email: `y-${stamp}@x.org`,
		organisationId: keoogoId!,
		role: 'member',
		globalRole: 'staff'
	});
	expect(staffGrant.status()).toBe(403);
	const coordinatorGrant = await post({
		email: `z-${stamp}@x.org`,
		organisationId: keoogoId!,
		role: 'coordinator'
	});
	expect(coordinatorGrant.status()).toBe(403);
	await page.reload();
	await expect(page.locator('ul.org-list')).toHaveCount(0);
});

test('an invitation for an e-mail that already has an account is refused, nothing sent', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/invitations');
	await page.getByLabel('Adresse e-mail').fill('Member@KEOOGO.example.org');
	await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(
		page.locator('p.error').getByText('Un compte existe déjà pour cette adresse')
	).toBeVisible();
});
