import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import ExcelJS from 'exceljs';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });
const PROPOSAL = 'Découvrir la pédagogie préscolaire du Dispensaire Trottoir';
const MAY_2024 = 'Observer les classes préscolaires du Dispensaire Trottoir';

/** The delegation page of a demo visit, reached from the visits list. */
async function openDelegation(page: Page, title: string) {
	await page.goto('/visits');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.goto(page.url() + '/delegation');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Délégation');
	return page.url();
}

const section = (page: Page, org: string) =>
	page.locator('section.organisation', { has: page.getByRole('heading', { name: org }) });

/** A form post as a browser without JavaScript sends it. */
function post(page: Page, url: string, form: Record<string, string>) {
	return page.request.post(url, {
		form,
		headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' },
		maxRedirects: 0
	});
}

const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

test('a coordinator records their delegates, fixes bad input, edits and removes one', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	await openDelegation(page, PROPOSAL);
	const summary = page.locator('.checklist .summary');
	await expect(summary).toHaveText('Délégués à qui il manque encore quelque chose : 2 sur 2');
	await expect(section(page, 'RACINES')).toContainText('heure de départ');
	await expect(page.getByText('Ajouter un délégué (RACINES)')).toHaveCount(0);

	const dt = section(page, 'Dispensaire Trottoir');
	await expect(dt).toContainText('Aucun délégué pour le moment.');
	await dt.getByText('Ajouter un délégué (DT)').click();
	await dt.getByLabel('Fonction').fill('Monitrice du préscolaire');
	// The proposal starts 60 days from now: an arrival 10 days before it is allowed, with a warning.
	await dt.getByLabel('Arrivée').fill(`${day(50)}T09:30`);
	await dt.getByLabel('Départ').fill(`${day(49)}T18:00`);
	await dt.getByRole('button', { name: 'Ajouter un délégué' }).click();
	await expect(page.locator('.error-summary')).toContainText('à corriger');
	await expect(dt.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(dt.locator('p.error').getByText(/Le départ .* est avant l'arrivée/)).toBeVisible();
	await expect(dt.getByLabel('Fonction')).toHaveValue('Monitrice du préscolaire');
	await expect(dt.getByLabel('Arrivée')).toHaveValue(`${day(50)}T09:30`);
	await expect(summary).toContainText('2 sur 2');
	await page.screenshot(shot('delegation-errors-fr'));

	await dt.getByLabel('Nom').fill('Mariam Test');
	await dt.getByLabel('Départ').fill(`${day(64)}T18:00`);
	await dt.getByLabel('Compte Passerelle').selectOption({ label: 'Issa Traoré' });
	await dt.getByRole('button', { name: 'Ajouter un délégué' }).click();
	await expect(page.getByRole('status')).toContainText('Délégué ajouté : Mariam Test.');
	await expect(page.getByRole('status')).toContainText('Arrivée plus de 3 jours avant le début');
	await expect(summary).toHaveText('Délégués à qui il manque encore quelque chose : 3 sur 3');
	const card = dt.locator('li.delegate', { hasText: 'Mariam Test' });
	await expect(card).toContainText('Issa Traoré');
	await expect(card).toContainText('Africa/Ouagadougou');
	await expect(card).toContainText('voyage à réserver et hébergement à organiser');
	await page.screenshot(shot('delegation-fr'));

	await card.getByRole('link', { name: 'Modifier Mariam Test' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier un délégué');
	await expect(page.getByLabel('Nom')).toHaveValue('Mariam Test');
	await page.getByLabel('Nom').fill('');
	await page.getByLabel('Fonction').fill('Monitrice principale');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(page.getByLabel('Fonction')).toHaveValue('Monitrice principale');
	await page.screenshot(shot('delegation-edit-errors-fr'));
	await page.getByLabel('Nom').fill('Mariam Test');

	// Meanwhile someone else saves this delegate: the stale form is stopped, with the input kept.
	const editUrl = page.url();
	const other = await post(page, editUrl + '?/save', {
		name: 'Mariam Test',
		function: 'Aide-monitrice',
		travel: 'to_book',
		visa: 'not_needed',
		accommodation: 'to_arrange',
		version: (await page.locator('input[name="version"]').inputValue())!
	});
	expect(other.status()).toBe(303);
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('alert')).toContainText("Quelqu'un a modifié ce délégué");
	await expect(page.getByLabel('Fonction')).toHaveValue('Monitrice principale');
	await page.getByLabel('Voyage').selectOption({ label: 'Réservé' });
	await page.getByLabel('Hébergement').selectOption({ label: 'Réservé' });
	await page.getByLabel('Arrivée').fill(`${day(59)}T09:30`);
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toHaveText('Délégué enregistré.');
	await expect(summary).toHaveText('Délégués à qui il manque encore quelque chose : 2 sur 3');
	await expect(card).toContainText('Logistique réglée');

	await card.getByText('Retirer…').click();
	await expect(card.getByText('Retirer Mariam Test de la délégation ?')).toBeVisible();
	await card.getByRole('button', { name: 'Oui, retirer' }).click();
	await expect(page.getByRole('status')).toHaveText('Délégué retiré : Mariam Test.');
	await expect(summary).toHaveText('Délégués à qui il manque encore quelque chose : 2 sur 2');
	await expect(dt).toContainText('Aucun délégué pour le moment.');
});

test('bad posts get field errors or 403/404, never a 500, and write nothing', async ({ page }) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	const url = await openDelegation(page, PROPOSAL);
	const dtId = (await section(page, 'Dispensaire Trottoir').locator('h2').getAttribute('id'))!;
	const racinesId = (await section(page, 'RACINES').locator('h2').getAttribute('id'))!;
	const racinesDelegate = (await section(page, 'RACINES')
		.locator('li.delegate')
		.first()
		.getAttribute('id'))!.replace('delegate-', '');
	const valid = {
		organisationId: dtId.replace('org-', ''),
		name: 'Valide',
		travel: 'to_book',
		visa: 'not_needed',
		accommodation: 'to_arrange'
	};

	const bad = await post(page, url + '?/add', {
		...valid,
		name: 'N'.repeat(20_000),
		arrivesAt: '2024-02-31T10:00',
		travel: 'car',
		visa: 'maybe',
		userId: '99999999'
	});
	expect(bad.status()).toBe(400);
	const html = await bad.text();
	// The limit and what was typed, with the name kept whole to be shortened.
	expect(html).toMatch(/150 caractères au plus — vous en avez saisi 20\s000\./);
	expect(html).toContain('N'.repeat(20_000));
	expect(html).toContain('Date ou heure impossible');
	expect(html).toContain("Cette valeur n'est pas valide.");

	const stranger = await post(page, url + '?/add', {
		...valid,
		userId: '1' // the staff account, not a member of DT
	});
	expect(stranger.status()).toBe(400);
	expect(await stranger.text()).toContain("Cette personne n'est pas membre de l'organisation.");

	const otherSide = await post(page, url + '?/add', {
		...valid,
		organisationId: racinesId.replace('org-', '')
	});
	expect(otherSide.status()).toBe(403);
	for (const organisationId of ['999999', 'abc', '']) {
		expect((await post(page, url + '?/add', { ...valid, organisationId })).status()).toBe(403);
	}
	const removeOther = await post(page, url + '?/remove', { delegateId: racinesDelegate });
	expect(removeOther.status()).toBe(403);
	for (const delegateId of ['1', '999999', 'x']) {
		// Delegate 1 belongs to the May 2024 visit, not this one.
		expect((await post(page, url + '?/remove', { delegateId })).status()).toBe(404);
	}
	expect((await page.goto(url + '/1'))?.status()).toBe(404);
	expect((await page.goto(url + '/' + racinesDelegate))?.status()).toBe(403);

	await page.goto(url);
	await expect(page.locator('.checklist .summary')).toHaveText(
		'Délégués à qui il manque encore quelque chose : 2 sur 2'
	);
	await expect(section(page, 'Dispensaire Trottoir')).toContainText('Aucun délégué');
});

test('a completed visit reads as history; a member sees their own details, only functions of the others', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.keoogoMember);
	const url = await openDelegation(page, MAY_2024);
	await expect(page.getByText(/Ajouter un délégué/)).toHaveCount(0);
	await expect(page.getByText("La visite n'est plus modifiable")).toBeVisible();
	await expect(section(page, 'KEOOGO')).toContainText('5 mai 2024 12:00 Africa/Ouagadougou');
	// Their colleagues and the hosts: how many, and what they do; no names, no contact details.
	await expect(section(page, 'KEOOGO').locator('.card')).toHaveCount(1);
	await expect(section(page, 'KEOOGO')).toContainText('2 personne(s)');
	await expect(section(page, 'Dispensaire Trottoir')).toContainText('Monitrice du préscolaire');
	await expect(page.locator('main')).not.toContainText('Djénéba Konaté');
	await expect(page.locator('main')).not.toContainText('natacha@keoogo.example.org');
	await expect(page.getByText(/ne sont visibles que par les coordinateurs/)).toBeVisible();
	// "Nothing missing" would speak for people whose logistics are not theirs to see.
	await expect(page.getByText('Rien ne manque')).toHaveCount(0);
	await page.screenshot(shot('delegation-member'));
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(
		violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Télécharger la délégation (CSV)' }).click();
	expect((await download).suggestedFilename()).toMatch(/^delegation-visit-\d+\.csv$/);
	const res = await page.request.get(url.replace(/\/delegation$/, '/delegation.csv'));
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/csv');
	expect(res.headers()['content-disposition']).toMatch(
		/attachment; filename="delegation-visit-\d+\.csv"/
	);
	const body = (await res.body()).toString('utf8');
	expect(body.startsWith('\uFEFFOrganisation,Nom,Fonction')).toBe(true);
	const lines = body.trim().split('\r\n');
	expect(lines).toHaveLength(6);
	expect(body).toContain('Dispensaire Trottoir,,Directrice du Dispensaire Trottoir,,,,,,,,,,');
	expect(body).not.toContain('Djénéba Konaté');
	expect(body).not.toContain('djeneba.konate@');
	expect(body).toContain(
		'KEOOGO,Awa,Monitrice,member@keoogo.example.org,Awa Sawadogo,2024-05-05 12:00'
	);

	// The same delegation as an Excel workbook, beside the CSV link.
	const xlsxDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Délégation en Excel (.xlsx)' }).click();
	expect((await xlsxDownload).suggestedFilename()).toMatch(/^delegation-visit-\d+\.xlsx$/);
	const xlsx = await page.request.get(url.replace(/\/delegation$/, '/delegation.xlsx'));
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
	const sheet = workbook.worksheets[0];
	expect(sheet.rowCount).toBe(6);
	expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
	expect(sheet.getCell('A1')).toMatchObject({ value: 'Organisation', font: { bold: true } });
	const awa = sheet.getRows(2, 5)!.find((row) => row.getCell(2).value === 'Awa')!;
	// The arrival is a date cell showing the programme's wall clock.
	expect(awa.getCell(6).value).toEqual(new Date(Date.UTC(2024, 4, 5, 12, 0)));
	expect(awa.getCell(8).value).toBe('Africa/Ouagadougou');

	const post403 = await post(page, url + '?/add', { organisationId: '2', name: 'X' });
	expect(post403.status()).toBe(403);

	await openDelegation(
		page,
		'Communauté de pratiques et de savoirs : accompagner autrement les familles'
	);
	await expect(
		page.getByText("Aucun délégué n'est encore inscrit pour cette visite.")
	).toBeVisible();
	await expect(page.getByText(/Sans délégué pour le moment : .*KEOOGO/)).toBeVisible();
	await expect(page.getByText('Télécharger la délégation (CSV)')).toHaveCount(0);
	await expect(page.getByText('Délégation en Excel (.xlsx)')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('adding, fixing and removing a delegate work as plain forms', async ({ page }) => {
		await signIn(page, ACCOUNTS.dtCoordinator);
		await openDelegation(page, PROPOSAL);
		const dt = section(page, 'Dispensaire Trottoir');
		await dt.getByText('Ajouter un délégué (DT)').click();
		await dt.getByLabel('Nom').fill('Sans Script');
		await dt.getByLabel('Adresse e-mail').fill('pas-une-adresse');
		await dt.getByRole('button', { name: 'Ajouter un délégué' }).click();
		await expect(
			dt.locator('p.error').getByText("Cette adresse e-mail n'est pas valide.")
		).toBeVisible();
		await expect(dt.getByLabel('Nom')).toHaveValue('Sans Script');
		await dt.getByLabel('Adresse e-mail').fill('sans.script@dispensaire-trottoir.example.org');
		await dt.getByRole('button', { name: 'Ajouter un délégué' }).click();
		await expect(page.getByRole('status')).toContainText('Délégué ajouté : Sans Script.');
		const card = dt.locator('li.delegate', { hasText: 'Sans Script' });
		await card.getByText('Retirer…').click();
		await card.getByRole('button', { name: 'Oui, retirer' }).click();
		await expect(page.getByRole('status')).toHaveText('Délégué retiré : Sans Script.');
		await expect(dt).toContainText('Aucun délégué pour le moment.');
	});
});

test.describe('in Arabic and on a phone', () => {
	test.afterEach(async ({ page }) => {
		if (page.url().startsWith('http')) await setLanguage(page, 'fr');
	});

	test('the delegation reads right to left and fits 360 px', async ({ page }) => {
		await signIn(page, ACCOUNTS.dtCoordinator);
		const url = await openDelegation(page, PROPOSAL);
		await page.setViewportSize({ width: 360, height: 740 });
		await page.getByText('Ajouter un délégué (DT)').click();
		await page.screenshot(shot('delegation-phone-fr'));
		for (const [locale, heading] of [
			['en', 'Delegation'],
			['es', 'Delegación']
		] as const) {
			await setLanguage(page, locale);
			await page.goto(url);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		}
		await setLanguage(page, 'ar');
		for (const target of [url, url.replace(/\d+\/delegation$/, '1/delegation')]) {
			await page.goto(target);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('الوفد');
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		}
		await page.screenshot(shot('delegation-phone-ar'));
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(url);
		await page.locator('details.add summary').first().click();
		await page.screenshot(shot('delegation-ar'));
	});

	test('axe finds no serious violation on the delegation pages in French and Arabic', async ({
		page
	}) => {
		// Four axe runs: close to the default 30 s on a busy machine.
		test.setTimeout(60_000);
		await signIn(page, ACCOUNTS.staff);
		const url = await openDelegation(page, PROPOSAL);
		const racines = section(page, 'RACINES').locator('li.delegate').first();
		const edit = await racines.getByRole('link', { name: /^Modifier/ }).getAttribute('href');
		for (const locale of ['fr', 'ar'] as const) {
			await setLanguage(page, locale);
			for (const path of [url, edit!]) {
				await page.goto(path);
				await page
					.locator('details')
					.evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
				const { violations } = await new AxeBuilder({ page }).analyze();
				const serious = violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
				expect(serious, `${path} in ${locale}`).toEqual([]);
			}
		}
	});
});
