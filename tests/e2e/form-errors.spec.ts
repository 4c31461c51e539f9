// On a 390 px phone, a refused form must not leave the reader where the button was: the error
// summary at the top of the form is in view and has focus, with and without JavaScript, in French
// and in Arabic; its links take the reader to each field. The forms say the app's own messages
// (no browser tooltip), show how much of a long text is used, and ask before saving a date that
// has passed — once.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

const PHONE = { width: 390, height: 844 };

async function phone(browser: Browser, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled, viewport: PHONE });
	const page = await context.newPage();
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	return page;
}

const isoDaysFromNow = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const HEADINGS = {
	fr: /^\d+ champs? à corriger$/,
	ar: /(حقل|حقلان|حقول|حقلًا)/
};

for (const locale of ['fr', 'ar'] as const) {
	for (const javaScriptEnabled of [true, false]) {
		test(`a refused proposal brings the summary into view with focus (${locale}, JavaScript ${
			javaScriptEnabled ? 'on' : 'off'
		})`, async ({ browser }) => {
			const page = await phone(browser, javaScriptEnabled);
			if (locale !== 'fr') await setLanguage(page, locale);
			try {
				await page.goto('/visits/new');
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				// Title left empty, last day before the first: two fields to correct.
				await page.locator('#field-partnerId').selectOption({ label: 'Dispensaire Trottoir' });
				await page.locator('#field-startsOn').fill(isoDaysFromNow(40));
				await page.locator('#field-endsOn').fill(isoDaysFromNow(38));
				const draft = page.locator('button[name="intent"][value="draft"]');
				await draft.scrollIntoViewIfNeeded();
				await draft.click();

				const summary = page.locator('#form-errors');
				await expect(summary).toBeFocused();
				await expect(summary).toBeInViewport();
				await expect(summary.getByRole('heading')).toHaveText(HEADINGS[locale]);
				const links = summary.getByRole('link');
				await expect(links.first()).toHaveAttribute('href', '#field-title');
				await expect(summary.locator('a[href="#field-endsOn"]')).toBeVisible();
				if (locale === 'fr') {
					await expect(summary.locator('a[href="#field-endsOn"]')).toContainText(
						'Dernier jour : La date de fin'
					);
				}
				// Nothing typed is lost.
				await expect(page.locator('#field-startsOn')).toHaveValue(isoDaysFromNow(40));
			} finally {
				if (locale !== 'fr') await setLanguage(page, 'fr');
				await page.context().close();
			}
		});
	}
}

test('a link of the summary puts the cursor in its field', async ({ browser }) => {
	const page = await phone(browser, true);
	await page.goto('/visits/1/actions');
	const form = page.locator('form[action="?/create"]');
	await form.getByRole('button').last().click();
	const summary = page.locator('#form-errors');
	await expect(summary).toBeFocused();
	await summary.locator('a[href="#field-title"]').click();
	await expect(page.locator('#field-title')).toBeFocused();
	await expect(page.locator('label[for="field-title"]')).toBeInViewport();
	await page.context().close();
});

test('the lesson and action forms speak with the app’s words, never the browser’s', async ({
	browser
}) => {
	const page = await phone(browser, true);
	for (const path of ['/visits/1/lessons', '/visits/1/actions']) {
		await page.goto(path);
		const form = page.locator('form[action="?/create"]');
		await expect(form).toHaveAttribute('novalidate', '');
		// A required title left empty: the browser does not stop the submit with its tooltip,
		// the server answers in French beside the field and in the summary.
		await form.locator('button[type="submit"]').last().click();
		await expect(page.locator('#form-errors')).toBeFocused();
		await expect(page.locator('#field-title-error')).toHaveText('Ce champ est obligatoire.');
	}
	await page.context().close();
});

test('a long text shows how much of its limit is used, and updates as one types', async ({
	browser
}) => {
	for (const javaScriptEnabled of [false, true]) {
		const page = await phone(browser, javaScriptEnabled);
		await page.goto('/visits/1/lessons');
		const counter = page.locator('#field-observed-count');
		await expect(counter).toHaveText(/^0 \/ 20\s000 caractères$/);
		await expect(page.locator('#field-observed')).toHaveAttribute(
			'aria-describedby',
			/field-observed-count/
		);
		if (javaScriptEnabled) {
			await page.locator('#field-observed').fill('x'.repeat(120));
			await expect(counter).toHaveText(/^120 \/ 20\s000 caractères$/);
		}
		await page.context().close();
	}
});

async function actionRows(page: Page, title: string) {
	await page.goto('/visits/1/actions');
	return page.getByRole('row', { name: new RegExp(title) }).count();
}

for (const javaScriptEnabled of [true, false]) {
	test(`an action already due is asked about, then saved once with "save anyway" (JavaScript ${
		javaScriptEnabled ? 'on' : 'off'
	})`, async ({ browser }) => {
		const page = await phone(browser, javaScriptEnabled);
		const title = `Relancer la mairie ${Date.now()}`;
		await page.goto('/visits/1/actions');
		await page.getByLabel('Action', { exact: true }).fill(title);
		await page.getByLabel('Précisions').fill('Deux fois déjà.');
		const due = page.getByLabel('Échéance');
		await due.fill(isoDaysFromNow(-3));
		if (javaScriptEnabled) {
			// Warned as soon as the date is chosen, before anything is sent.
			await expect(page.getByText('Cette date est passée.')).toBeVisible();
		}
		await page.getByRole('button', { name: "Enregistrer l'action" }).click();
		const summary = page.locator('#form-errors');
		await expect(summary).toBeFocused();
		await expect(summary).toContainText('Cette échéance est déjà passée');
		await expect(page.getByLabel('Action', { exact: true })).toHaveValue(title);
		await expect(page.getByLabel('Précisions')).toHaveValue('Deux fois déjà.');
		// Nothing was written: the list above the form does not have it.
		await expect(page.getByRole('row', { name: new RegExp(title) })).toHaveCount(0);

		await summary.locator('a').first().click();
		const anyway = page.getByLabel('Enregistrer quand même');
		if (javaScriptEnabled) await expect(anyway).toBeFocused();
		await anyway.check();
		await page.getByRole('button', { name: "Enregistrer l'action" }).click();
		await expect(page.getByText('Action enregistrée.')).toBeVisible();
		expect(await actionRows(page, title)).toBe(1);
		await page.context().close();
	});
}

test('a proposal whose dates have passed is saved once, after "save anyway" (no JavaScript)', async ({
	browser
}) => {
	const page = await phone(browser, false);
	const title = `Visite passée ${Date.now()}`;
	await page.goto('/visits/new');
	await page.getByLabel('Organisation partenaire').selectOption({ label: 'Dispensaire Trottoir' });
	await page.getByLabel('Titre').fill(title);
	await page.getByLabel('Premier jour').fill(isoDaysFromNow(-30));
	await page.getByLabel('Dernier jour').fill(isoDaysFromNow(-27));
	await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(page.locator('#form-errors')).toBeFocused();
	await expect(page.locator('#form-errors')).toContainText('Ces dates sont passées');
	await expect(page.getByLabel('Titre')).toHaveValue(title);
	await page.getByLabel('Enregistrer quand même').check();
	await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(page).toHaveURL(/\/visits\/\d+\?done=draft/);
	await page.goto('/visits?status=draft');
	await expect(page.getByRole('link', { name: title })).toHaveCount(1);
	await page.context().close();
});
