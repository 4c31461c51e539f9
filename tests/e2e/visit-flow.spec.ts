import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

async function as(browser: Browser, email: string) {
	const context = await browser.newContext({ locale: 'fr-FR' });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

test('KEOOGO proposes, Dispensaire Trottoir proposes other dates, KEOOGO accepts, staff confirms', async ({
	browser
}) => {
	const title = `Observer les classes préscolaires ${Date.now()}`;
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	await keoogo.getByRole('link', { name: 'Proposer une visite' }).first().click();
	await expect(keoogo.getByRole('heading', { level: 1 })).toHaveText('Proposer une visite');

	// Bad input first: nothing chosen, the end before the start.
	await keoogo.getByLabel('Titre').fill(title);
	await keoogo.getByLabel('Premier jour').fill('2027-03-12');
	await keoogo.getByLabel('Dernier jour').fill('2027-03-08');
	await keoogo.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(keoogo.locator('.error-summary')).toContainText('à corriger');
	await expect(keoogo.locator('#field-partnerId-error')).toHaveText('Ce champ est obligatoire.');
	await expect(
		keoogo.locator('p.error').getByText(/La date de fin .* est avant la date de début/)
	).toBeVisible();
	await expect(keoogo.getByLabel('Titre')).toHaveValue(title);
	await shot(keoogo, 'visit-new-errors-fr');

	await keoogo
		.getByLabel('Organisation partenaire')
		.selectOption({ label: 'Dispensaire Trottoir' });
	await keoogo.getByLabel('Dernier jour').fill('2027-03-17');
	await keoogo.getByLabel('Éducation préscolaire').check();
	await keoogo
		.getByLabel('Objectifs')
		.fill('Pratiques de classe, travail en binôme avec les aides-monitrices.');
	await keoogo.getByLabel('français').check();
	await keoogo.getByLabel('Participants attendus').fill('5');
	await keoogo.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(keoogo.locator('.notice[role="status"]')).toContainText('Proposition envoyée');
	await expect(keoogo.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(keoogo.locator('.meta')).toContainText('Proposée');
	const visitUrl = keoogo.url().replace(/\?.*$/, '');

	// Dispensaire Trottoir sees it waiting on its home page and puts other dates forward.
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	const waiting = dt.locator('section', {
		has: dt.getByRole('heading', { name: 'En attente de votre réponse' })
	});
	await waiting.getByRole('link', { name: title }).click();
	await dt
		.getByText('Proposer d’autres dates…')
		.or(dt.getByText("Proposer d'autres dates…"))
		.click();
	await dt.getByLabel('Premier jour').fill('2027-04-05');
	await dt.getByLabel('Dernier jour').fill('2027-04-01');
	await dt.getByRole('button', { name: 'Envoyer ces dates' }).click();
	await expect(
		dt.locator('p.error').getByText(/La date de fin .* est avant la date de début/)
	).toBeVisible();
	await dt.getByLabel('Dernier jour').fill('2027-04-10');
	await dt.getByLabel('Message (facultatif)').fill('Les classes reprennent le 5 avril.');
	await dt.getByRole('button', { name: 'Envoyer ces dates' }).click();
	await expect(dt.locator('.notice[role="status"]')).toContainText('Dates proposées');
	await shot(dt, 'visit-dates-proposed-fr');

	// KEOOGO accepts the new dates: the visit is accepted, on those dates.
	await keoogo.goto('/');
	await expect(keoogo.getByText(/Autres dates proposées/)).toBeVisible();
	await keoogo.goto(visitUrl);
	await expect(keoogo.getByText('Les classes reprennent le 5 avril.')).toBeVisible();
	await keoogo.getByRole('button', { name: 'Accepter ces dates' }).click();
	await expect(keoogo.locator('.meta')).toContainText('Acceptée');
	await expect(keoogo.getByText('5–10 avril 2027', { exact: true })).toBeVisible();

	// Both sides record their delegates; the checklist says what is still missing.
	await keoogo.goto(`${visitUrl}/delegation`);
	const ours = keoogo.locator('section.organisation', { hasText: 'KEOOGO' });
	await ours.getByText('Ajouter un délégué (KEOOGO)').click();
	await ours.getByLabel('Nom').fill('Monitrice KEOOGO');
	await ours.getByLabel('Fonction').fill('Monitrice du préscolaire');
	await ours.getByLabel('Arrivée').fill('2027-04-04T16:00');
	await ours.getByRole('button', { name: 'Ajouter un délégué' }).click();
	await expect(keoogo.locator('.checklist .summary')).toContainText('1 sur 1');
	await dt.goto(`${visitUrl}/delegation`);
	const theirs = dt.locator('section.organisation', { hasText: 'Dispensaire Trottoir' });
	await theirs.getByText('Ajouter un délégué (DT)').click();
	await theirs.getByLabel('Nom').fill('Directrice DT');
	await theirs.getByLabel('Fonction').fill('Directrice');
	await theirs.getByRole('button', { name: 'Ajouter un délégué' }).click();
	await expect(dt.locator('.checklist .summary')).toContainText('sur 2');
	await shot(dt, 'visit-flow-delegation-fr');
	await keoogo.goto(visitUrl);
	await expect(keoogo.getByText(/Logistique incomplète/)).toBeVisible();

	// A member may read but not confirm: 403, nothing changes.
	const member = await as(browser, ACCOUNTS.keoogoMember);
	const origin = new URL(visitUrl).origin;
	const denied = await member.request.post(`${visitUrl}?/move`, {
		form: { transition: 'confirm' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(denied.status()).toBe(403);
	await member.goto(visitUrl);
	await expect(member.getByRole('button', { name: 'Confirmer la visite' })).toHaveCount(0);

	// Staff confirm; the timeline tells the story.
	const staff = await as(browser, ACCOUNTS.staff);
	await staff.goto(visitUrl);
	await staff.getByRole('button', { name: 'Confirmer la visite' }).click();
	await expect(staff.locator('.meta')).toContainText('Confirmée');
	const timeline = staff.locator('.timeline li');
	await expect(timeline).toHaveCount(6);
	await expect(timeline.nth(2)).toContainText('Dispensaire Trottoir propose');
	await shot(staff, 'visit-confirmed-fr');
	await setLanguage(staff, 'ar');
	await staff.goto(visitUrl);
	await shot(staff, 'visit-confirmed-ar');
	await setLanguage(staff, 'fr');

	// The e-mails went through the outbox: DT was told of the proposal.
	await staff.goto('/admin/outbox');
	await expect(staff.getByText(new RegExp(`propose une visite.*${title}`)).first()).toBeVisible();
	for (const p of [keoogo, dt, member, staff]) await p.context().close();
});

test('two people edit the same visit: the second save is refused and keeps its input', async ({
	browser
}) => {
	// A proposal KEOOGO sends and Dispensaire Trottoir accepts: both coordinators may edit it.
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	await keoogo.goto('/visits/new');
	await keoogo
		.getByLabel('Organisation partenaire')
		.selectOption({ label: 'Dispensaire Trottoir' });
	await keoogo.getByLabel('Titre').fill(`Atelier matériel pédagogique ${Date.now()}`);
	await keoogo.getByLabel('Premier jour').fill('2027-06-07');
	await keoogo.getByLabel('Dernier jour').fill('2027-06-09');
	await keoogo.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(keoogo.locator('.notice[role="status"]')).toContainText('Proposition envoyée');
	const url = keoogo.url().replace(/\?.*$/, '');
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	await dt.goto(url);
	await dt.getByRole('button', { name: 'Accepter', exact: true }).click();
	await expect(dt.locator('.meta')).toContainText('Acceptée');

	await keoogo.goto(`${url}/edit`);
	await dt.goto(`${url}/edit`);
	await keoogo.getByLabel('Lieu').fill('Bobo-Dioulasso, école du Dispensaire Trottoir');
	await keoogo.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(keoogo.locator('.notice[role="status"]')).toHaveText('Enregistré.');

	await dt.getByLabel('Lieu').fill('Dassa-Zoumè');
	await dt.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(dt.getByRole('alert')).toContainText('Quelqu');
	await expect(dt.getByRole('alert')).toContainText(
		'Bobo-Dioulasso, école du Dispensaire Trottoir'
	);
	await expect(dt.getByLabel('Lieu')).toHaveValue('Dassa-Zoumè');
	await shot(dt, 'visit-edit-conflict-fr');
	// Saving again, knowingly, now goes through.
	await dt.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(dt.locator('.notice[role="status"]')).toHaveText('Enregistré.');
	await expect(dt.getByText('Dassa-Zoumè')).toBeVisible();
	for (const p of [keoogo, dt]) await p.context().close();
});

test('a draft stays with its proposer until sent, and can be deleted after a confirmation', async ({
	browser
}) => {
	const title = `Brouillon ${Date.now()}`;
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	await keoogo.goto('/visits/new');
	await keoogo
		.getByLabel('Organisation partenaire')
		.selectOption({ label: 'Dispensaire Trottoir' });
	await keoogo.getByLabel('Titre').fill(title);
	await keoogo.getByLabel('Premier jour').fill('2027-09-06');
	await keoogo.getByLabel('Dernier jour').fill('2027-09-08');
	await keoogo.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(keoogo.locator('.notice[role="status"]')).toContainText('Brouillon enregistré');
	const url = keoogo.url().replace(/\?.*$/, '');

	// The other side does not see it: not in the list, 404 on its page.
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	expect((await dt.goto(url))?.status()).toBe(404);
	await dt.goto('/visits?status=draft');
	await expect(dt.getByRole('link', { name: title })).toHaveCount(0);

	await keoogo.goto('/');
	await keoogo.getByRole('link', { name: title }).click();
	await keoogo.getByText('Supprimer le brouillon…').click();
	await keoogo.getByRole('button', { name: 'Oui, supprimer le brouillon' }).click();
	await expect(keoogo.getByRole('status')).toHaveText('Brouillon supprimé.');
	expect((await keoogo.goto(url))?.status()).toBe(404);
	for (const p of [keoogo, dt]) await p.context().close();
});
