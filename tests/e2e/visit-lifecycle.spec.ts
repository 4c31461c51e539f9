import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, signIn } from '../pages/session';

// Moves that end something cannot be made by one mistaken tap: a visit planned months ahead offers
// no "completed", a begun one asks first (with and without JavaScript) and names who will be told,
// and staff reopen a visit completed by mistake.
test.setTimeout(120_000);

const port = process.env.E2E_PORT ?? '4173';
const isoDay = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function as(browser: Browser, email: string, options = {}) {
	const context = await browser.newContext({ locale: 'fr-FR', ...options });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** KEOOGO proposes a visit to Dispensaire Trottoir two months ahead, which accepts it. */
async function acceptedVisit(browser: Browser, keoogo: Page, title: string) {
	await keoogo.goto('/visits/new');
	await keoogo
		.getByLabel('Organisation partenaire')
		.selectOption({ label: 'Dispensaire Trottoir' });
	await keoogo.getByLabel('Titre').fill(title);
	await keoogo.getByLabel('Premier jour').fill(isoDay(60));
	await keoogo.getByLabel('Dernier jour').fill(isoDay(62));
	await keoogo.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(keoogo.getByRole('status')).toContainText('Proposition envoyée');
	const url = keoogo.url().replace(/\?.*$/, '');
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	await dt.goto(url);
	await dt.getByRole('button', { name: 'Accepter', exact: true }).click();
	await expect(dt.locator('.meta')).toContainText('Acceptée');
	await dt.context().close();
	return url;
}

/** Test fixture: the visit began yesterday (the demo has no begun visit that is not completed). */
function beganYesterday(url: string) {
	const path = readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim();
	const db = new Database(path);
	db.pragma('busy_timeout = 5000');
	try {
		db.prepare('UPDATE visits SET starts_on = ?, ends_on = ? WHERE id = ?').run(
			isoDay(-1),
			isoDay(2),
			Number(url.split('/').pop())
		);
	} finally {
		db.close();
	}
}

const told = /Seront informées : .*KEOOGO.*Dispensaire Trottoir|Dispensaire Trottoir.*KEOOGO/;

test('a future visit offers no "completed"; a begun one asks first and names who is told', async ({
	browser
}) => {
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	const url = await acceptedVisit(browser, keoogo, `Visite à venir ${Date.now() % 1e7}`);

	await keoogo.goto(url);
	await expect(keoogo.getByRole('button', { name: 'Marquer comme terminée…' })).toHaveCount(0);
	await expect(keoogo.getByText('à partir de son premier jour')).toBeVisible();
	// Refused by the server too, even confirmed.
	const origin = new URL(url).origin;
	const refused = await keoogo.request.post(`${url}?/move`, {
		form: { transition: 'complete', confirm: 'yes' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);

	beganYesterday(url);
	await keoogo.goto(url);
	// A submit that does not carry the confirmation does nothing.
	const unconfirmed = await keoogo.request.post(`${url}?/move`, {
		form: { transition: 'complete' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(unconfirmed.status()).toBe(400);
	await keoogo.reload();
	await expect(keoogo.locator('.meta')).toContainText('En cours');

	const complete = keoogo.getByRole('button', { name: 'Marquer comme terminée…' });
	await complete.click();
	const panel = keoogo.locator('#confirm-complete');
	await expect(panel).toBeFocused();
	await expect(panel).toContainText('ne pourront plus être modifiés');
	await expect(panel).toContainText(told);
	// Escape changes nothing and gives focus back.
	await keoogo.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await expect(complete).toBeFocused();
	await complete.click();
	await keoogo.getByRole('button', { name: 'Oui, marquer la visite comme terminée' }).click();
	await expect(keoogo.locator('.meta')).toContainText('Terminée');

	// Staff reopen it: a reason is required, it is on the timeline, the visit goes ahead again.
	const staff = await as(browser, ACCOUNTS.staff);
	await staff.goto(url);
	await staff.getByRole('button', { name: 'Rouvrir la visite…' }).click();
	await expect(staff.locator('#confirm-reopen')).toContainText('« Confirmée »');
	await expect(staff.locator('#confirm-reopen')).toContainText(told);
	await staff.getByRole('button', { name: 'Oui, rouvrir la visite' }).click();
	await expect(staff.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();
	await staff.getByLabel(/Pourquoi la rouvrir/).fill('Terminée par erreur');
	await staff.getByRole('button', { name: 'Oui, rouvrir la visite' }).click();
	await expect(staff.locator('.meta')).toContainText('En cours');
	await expect(staff.locator('.timeline')).toContainText('Rouverte : de nouveau Confirmée');
	await expect(staff.locator('.timeline')).toContainText('Terminée par erreur');
	// A coordinator does not reopen.
	await keoogo.goto(url);
	await expect(keoogo.getByRole('button', { name: 'Rouvrir la visite…' })).toHaveCount(0);
	for (const p of [keoogo, staff]) await p.context().close();
});

test('without JavaScript, a first submit only shows what will happen', async ({ browser }) => {
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	const url = await acceptedVisit(browser, keoogo, `Visite sans script ${Date.now() % 1e7}`);
	beganYesterday(url);
	await keoogo.context().close();

	const plain = await as(browser, ACCOUNTS.keoogoCoordinator, { javaScriptEnabled: false });
	await plain.goto(url);
	await plain.getByRole('button', { name: 'Marquer comme terminée…' }).click();
	await expect(plain.locator('.meta')).toContainText('En cours');
	const panel = plain.locator('#confirm-complete');
	await expect(panel).toContainText('ne pourront plus être modifiés');
	await expect(panel).toContainText(told);
	await plain.getByRole('button', { name: 'Oui, marquer la visite comme terminée' }).click();
	await expect(plain.locator('.meta')).toContainText('Terminée');
	await plain.context().close();
});
