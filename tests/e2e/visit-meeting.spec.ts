import { expect, test, type Browser } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';

async function as(browser: Browser, email: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

test('staff run a five-organisation meeting in which one declines', async ({ browser }) => {
	const title = `Communauté de pratique ${Date.now()}`;
	const staff = await as(browser, ACCOUNTS.staff);
	await staff.goto('/visits/new');
	await staff.getByLabel('Rencontre multi-organisations').check();
	await staff
		.getByLabel('Organisation d’accueil')
		.or(staff.getByLabel("Organisation d'accueil"))
		.selectOption({ label: 'MAEECHA' });
	for (const name of ['KEOOGO', 'Dispensaire Trottoir', 'RACINES', 'MAEECHA']) {
		await staff
			.locator('fieldset', { hasText: 'Organisations invitées' })
			.getByLabel(name, { exact: false })
			.first()
			.check();
	}
	await staff.getByLabel('Titre').fill(title);
	await staff.getByLabel('Premier jour').fill('2027-05-10');
	await staff.getByLabel('Dernier jour').fill('2027-05-14');
	await staff.getByRole('button', { name: 'Envoyer la proposition' }).click();
	// MAEECHA cannot be both host and invited.
	await expect(
		staff
			.locator('p.error')
			.getByText("L'organisation d'accueil ne peut pas être aussi la visiteuse.")
	).toBeVisible();
	await staff
		.locator('fieldset', { hasText: 'Organisations invitées' })
		.getByLabel('MAEECHA')
		.uncheck();
	await staff
		.locator('fieldset', { hasText: 'Organisations invitées' })
		.getByLabel('AHEED', { exact: false })
		.first()
		.check();
	await staff.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(staff.getByRole('status')).toContainText('Proposition envoyée');
	const url = staff.url().replace(/\?.*$/, '');
	await expect(staff.locator('.org-list li')).toHaveCount(5);

	// KEOOGO accepts with JavaScript off: plain forms work.
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator, false);
	await keoogo.goto(url);
	await keoogo.getByRole('button', { name: 'Accepter' }).click();
	await expect(keoogo.getByRole('status')).toContainText('Réponse enregistrée');
	await expect(keoogo.locator('.meta')).toContainText('Acceptée');

	// Dispensaire Trottoir declines: a reason is required, and the meeting goes on.
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	await dt.goto(url);
	const dtId = await dt
		.locator('form[action="?/answer"] input[name="organisationId"]')
		.first()
		.getAttribute('value');
	await dt.getByText('Décliner…').click();
	await dt.getByRole('button', { name: 'Décliner la proposition' }).click();
	await expect(dt.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();
	await dt
		.getByLabel(/Raison \(elle sera transmise/)
		.fill('Nos équipes sont en formation cette semaine-là.');
	await dt.getByRole('button', { name: 'Décliner la proposition' }).click();
	await expect(dt.getByRole('status')).toContainText('Réponse enregistrée');
	await expect(dt.locator('.meta')).toContainText('Acceptée');
	// An invited organisation does not cancel the whole meeting.
	await expect(dt.getByText('Annuler la visite…')).toHaveCount(0);

	// Staff answer for RACINES; AHEED has not answered yet. The page shows who said what.
	await staff.goto(url);
	await staff
		.locator('section', { hasText: 'Répondre pour RACINES' })
		.getByRole('button', { name: 'Accepter' })
		.click();
	const row = (name: string) => staff.locator('.org-list li', { hasText: name });
	await expect(row('KEOOGO')).toContainText('A accepté');
	await expect(row('Dispensaire Trottoir')).toContainText('Nos équipes sont en formation');
	await expect(row('AHEED')).toContainText('En attente de réponse');
	await staff.screenshot({ path: 'test-results/screens/visit-meeting-fr.png', fullPage: true });

	// Dispensaire Trottoir has answered: it may not answer again (403), nothing changes.
	const origin = new URL(url).origin;
	const again = await dt.request.post(`${url}?/answer`, {
		form: { organisationId: dtId!, response: 'accepted', reason: '' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(403);
	for (const p of [staff, keoogo, dt]) await p.context().close();
});

test('bad proposals are refused with a message, never a server error', async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	const origin = new URL(page.url()).origin;
	const post = (form: Record<string, string>) =>
		page.request.post('/visits/new', {
			form: { intent: 'send', direction: 'visit', ...form },
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
	const base = { title: 'Visite', startsOn: '2027-01-04', endsOn: '2027-01-08' };
	await page.goto('/visits/new');
	const own = await page.locator('input[name="ownId"]').getAttribute('value');
	const partner = page.getByLabel('Organisation partenaire');
	const dt = await partner
		.locator('option', { hasText: 'Dispensaire Trottoir' })
		.getAttribute('value');
	const racines = await partner.locator('option', { hasText: 'RACINES' }).getAttribute('value');
	expect((await post({ ...base, ownId: own!, partnerId: '999999' })).status()).toBe(400);
	expect((await post({ ...base, ownId: own!, partnerId: own! })).status()).toBe(400);
	expect(
		(await post({ ...base, ownId: own!, partnerId: dt!, title: 'x'.repeat(20_000) })).status()
	).toBe(400);
	expect(
		(await post({ ...base, ownId: own!, partnerId: dt!, startsOn: '2027-02-30' })).status()
	).toBe(400);
	expect((await post({ ...base, ownId: own!, partnerId: dt!, startsOn: 'demain' })).status()).toBe(
		400
	);
	// Proposing on behalf of an organisation one does not coordinate.
	expect((await post({ ...base, ownId: racines!, partnerId: dt! })).status()).toBe(403);
	// A member of KEOOGO answering the Dispensaire Trottoir side of a proposal.
	const answer = await page.request.post('/visits/5?/answer', {
		form: { organisationId: dt!, response: 'accepted' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(answer.status()).toBe(403);
	const unknown = await page.request.post('/visits/999999?/move', {
		form: { transition: 'cancel', reason: 'x' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(unknown.status()).toBe(404);
});
