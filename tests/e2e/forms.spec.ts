// Nothing typed is ever cut to fit, and a one-line field stays one line: a proposal with a title
// too long, or with a line break in it, is refused beside the field, keeps what was typed, and
// writes nothing — with and without JavaScript.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';

const TOO_LONG = /200 caractères au plus — vous en avez saisi 5\s000\./;

async function coordinator(browser: Browser, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	return page;
}

async function draftsNamed(page: Page, marker: string) {
	await page.goto('/visits?status=draft');
	return page.getByRole('link', { name: new RegExp(marker) }).count();
}

for (const javaScriptEnabled of [true, false]) {
	test(`a 5 000-character title is refused with its length, kept whole, saved nowhere (JavaScript ${
		javaScriptEnabled ? 'on' : 'off'
	})`, async ({ browser }) => {
		const page = await coordinator(browser, javaScriptEnabled);
		await page.goto('/visits/new');
		const marker = `Titre trop long ${Date.now()}`;
		const title = `${marker} ${'x'.repeat(5000 - marker.length - 1)}`;
		await page
			.getByLabel('Organisation partenaire')
			.selectOption({ label: 'Dispensaire Trottoir' });
		// No maxlength: the browser would cut a long paste without a word. The limit travels as
		// data-maxlength, and the server's answer says it and keeps the whole text.
		const field = page.getByLabel('Titre');
		expect(await field.getAttribute('maxlength')).toBeNull();
		await expect(field).toHaveAttribute('data-maxlength', '200');
		await field.fill(title);
		await page.getByLabel('Premier jour').fill('2027-10-04');
		await page.getByLabel('Dernier jour').fill('2027-10-06');
		await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();

		await expect(page.locator('p.error').getByText(TOO_LONG)).toBeVisible();
		await expect(page.getByLabel('Titre')).toHaveValue(title);
		await expect(page.getByLabel('Titre')).toHaveAttribute('aria-invalid', 'true');
		// The other fields are kept too.
		await expect(page.getByLabel('Premier jour')).toHaveValue('2027-10-04');
		expect(await draftsNamed(page, marker)).toBe(0);
		await page.context().close();
	});
}

test('a title with a line break is refused beside the field, with nothing saved', async ({
	browser
}) => {
	const page = await coordinator(browser, true);
	await page.goto('/visits/new');
	const ownId = await page.locator('input[name=ownId]').getAttribute('value');
	const partnerId = await page
		.locator('select[name=partnerId] option', { hasText: 'Dispensaire Trottoir' })
		.getAttribute('value');
	const marker = `Deux lignes ${Date.now()}`;
	// An <input> drops line breaks, so the form is posted as a tampered client would.
	const res = await page.request.post('/visits/new', {
		form: {
			ownId: ownId!,
			direction: 'visit',
			partnerId: partnerId!,
			title: `${marker}\nDTSTART:20270101`,
			startsOn: '2027-10-04',
			endsOn: '2027-10-06',
			intent: 'send'
		},
		headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(400);
	const html = await res.text();
	expect(html).toContain('Ce champ doit tenir sur une seule ligne');
	expect(html).toContain(`${marker}\nDTSTART:20270101`);
	expect(await draftsNamed(page, marker)).toBe(0);
	await page.goto('/visits?status=proposed');
	await expect(page.getByRole('link', { name: new RegExp(marker) })).toHaveCount(0);
	await page.context().close();
});

test('a decline reason with a control character is a field error that keeps the text, not an error page', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, ACCOUNTS.dtCoordinator);
	await page.goto('/visits');
	await page
		.getByRole('link', { name: 'Découvrir la pédagogie préscolaire du Dispensaire Trottoir' })
		.click();
	const visitUrl = page.url();
	const organisationId = await page
		.locator('form[action="?/answer"] input[name=organisationId]')
		.first()
		.getAttribute('value');
	const res = await page.request.post(`${visitUrl}?/answer`, {
		form: { organisationId: organisationId!, response: 'declined', reason: 'Pas\u0007 cette fois' },
		headers: { Origin: new URL(visitUrl).origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(400);
	const html = await res.text();
	expect(html).toContain('caractères de contrôle invisibles');
	expect(html).toContain('Pas\u0007 cette fois');
	await page.goto(visitUrl);
	await expect(page.locator('.org-list').first()).toContainText('En attente de réponse');
	await context.close();
});
