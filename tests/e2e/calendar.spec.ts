import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// Calendars (issue 5): the programme as a .ics download, and a private feed that calendar apps
// fetch without a session. Staff add a session to the pending RACINES → Dispensaire Trottoir
// proposal (demo visit 5, where Dispensaire Trottoir is invited): it belongs in DT's feed.
const TITLE = 'Séance pour les agendas';

function summaries(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((v) => ({
		summary: new ICAL.Event(v).summary,
		url: String(v.getFirstPropertyValue('url'))
	}));
}

async function addSession(page: Page) {
	await page.goto('/visits/5/agenda');
	const last = page.locator('section.agenda-day').last();
	const add = last.locator('details.add-session');
	await add.locator('summary').click();
	await add.getByLabel(/^Début/).fill('15:00');
	await add.getByLabel(/^Fin/).fill('16:30');
	await add.getByLabel('Titre').fill(TITLE);
	await add.getByRole('button', { name: 'Ajouter une séance' }).click();
	await expect(page.getByRole('status')).toHaveText('Programme mis à jour.');
}

async function deleteSession(page: Page) {
	await page.goto('/visits/5/agenda');
	const item = page.locator('li.session', { hasText: TITLE });
	await item.locator('summary', { hasText: 'Modifier' }).click();
	await item.locator('summary', { hasText: 'Supprimer…' }).click();
	await item.getByRole('button', { name: 'Oui, supprimer cette séance' }).click();
	await expect(page.locator('li.session', { hasText: TITLE })).toHaveCount(0);
}

test('the programme downloads as a calendar file; anonymous people are sent to sign in', async ({
	page,
	baseURL
}) => {
	await signIn(page, ACCOUNTS.staff);
	await addSession(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Télécharger le programme (.ics)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^programme-5-[a-z0-9-]+\.ics$/);
	const events = summaries(readFileSync((await download.path())!, 'utf8'));
	expect(events.filter((e) => e.summary === TITLE)).toHaveLength(1);
	expect(events[0].url).toBe(`${baseURL}/visits/5/agenda`);

	const anonymous = await request.newContext({ baseURL });
	const res = await anonymous.get('/visits/5/agenda.ics', { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toContain('/login');
	await anonymous.dispose();
	await deleteSession(page);
});

test('a coordinator subscribes with a private link, sees the programme, then revokes it', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(60_000);
	const staffContext = await browser.newContext({ locale: 'fr-FR' });
	const staff = await staffContext.newPage();
	await signIn(staff, ACCOUNTS.staff);
	await addSession(staff);

	await signIn(page, ACCOUNTS.dtCoordinator);
	await page.goto('/account');
	const panel = page.locator('section.calendar-feeds');
	const before = await panel.locator('li').count();
	await panel.getByRole('button', { name: "Créer un lien d'abonnement" }).click();
	const field = panel.getByLabel("Lien à coller dans votre application d'agenda");
	await expect(field).toBeVisible();
	const url = await field.inputValue();
	expect(url).toMatch(new RegExp(`^${baseURL}/calendar/[a-z2-7]{64}\\.ics$`));
	await expect(
		panel.getByRole('link', { name: "Ouvrir dans mon application d'agenda" })
	).toHaveAttribute('href', url.replace(/^http:/, 'webcal:'));
	await expect(panel.locator('li')).toHaveCount(before + 1);
	await page.screenshot({ path: 'test-results/screens/calendar-feeds-fr.png', fullPage: true });
	const { violations } = await new AxeBuilder({ page }).include('section.calendar-feeds').analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

	// A calendar app: no cookies, no session.
	const app = await request.newContext();
	const feed = await app.get(url);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const mine = summaries(await feed.text()).filter((e) => e.summary === TITLE);
	expect(mine).toEqual([{ summary: TITLE, url: `${baseURL}/visits/5/agenda` }]);

	// Shown once: after a reload the link is gone from the page, only its date stays.
	await page.reload();
	await expect(field).toHaveCount(0);
	const newest = panel.locator('li').first();
	await newest.locator('summary', { hasText: 'Révoquer…' }).click();
	await newest.getByRole('button', { name: 'Oui, révoquer ce lien' }).click();
	await expect(panel.getByRole('status')).toHaveText('Lien révoqué.');
	await expect(panel.locator('li')).toHaveCount(before);
	expect((await app.get(url)).status()).toBe(404);
	expect(
		(await app.get(url.replace(/\/[a-z2-7]{64}\.ics$/, `/${'a'.repeat(64)}.ics`))).status()
	).toBe(404);
	await app.dispose();

	// The panel in Arabic, with a fresh link on show; that link is revoked again afterwards.
	await setLanguage(page, 'ar');
	await page.goto('/account');
	await panel.locator('form[action="?/createFeed"] button').click();
	await expect(panel.locator('input[name="feedUrl"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/calendar-feeds-ar.png', fullPage: true });
	await page.reload();
	await panel.locator('li').first().locator('summary').click();
	await panel.locator('li').first().locator('button.danger').click();
	await expect(panel.locator('li')).toHaveCount(before);
	await setLanguage(page, 'fr');

	await deleteSession(staff);
	await staffContext.close();
});
