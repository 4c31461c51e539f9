import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { ACCOUNTS, signIn } from '../pages/session';

// Issue 5's story: a new six-day visit gets its programme by keyboard and by drag and drop, the
// calendar file carries it (and its changes), and the printed programme fits two A4 pages.

async function as(browser: Browser, email: string) {
	const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

type Event = { uid: string; sequence: number; summary: string; start: string; end: string };

async function downloadCalendar(page: Page): Promise<Event[]> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /\.ics/ }).click()
	]);
	const text = readFileSync((await download.path())!, 'utf8');
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		return {
			uid: e.uid,
			sequence: e.sequence,
			summary: e.summary,
			start: e.startDate.toJSDate().toISOString(),
			end: e.endDate.toJSDate().toISOString()
		};
	});
}

/**
 * The keys for a time in this Chromium's time field, which shows 12-hour parts (hour, minutes,
 * AM/PM) whatever the page's language: 20:00 is typed 08 00 P.
 */
const timeKeys = (t: string) => {
	const [h, m] = t.split(':').map(Number);
	return `${String(h % 12 || 12).padStart(2, '0')}${String(m).padStart(2, '0')}${h < 12 ? 'A' : 'P'}`;
};

/**
 * Drags with the mouse as a person does: press on the session's time line, move a little so the
 * browser starts dragging, then over the target. (locator.dragTo loses the drag when the page
 * has to scroll between the two.)
 */
async function drag(page: Page, source: Locator, target: Locator) {
	await source.hover({ position: { x: 30, y: 12 } });
	await page.mouse.down();
	const box = (await source.boundingBox())!;
	await page.mouse.move(box.x + 40, box.y + 30, { steps: 5 });
	await target.hover();
	await target.hover({ position: { x: 20, y: 8 } });
	await page.mouse.up();
}

/** Presses Tab until the field has the focus (a time field takes several: hour, minutes…). */
async function tabTo(page: Page, field: Locator) {
	for (let i = 0; i < 8 && !(await field.evaluate((e) => e === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(field).toBeFocused();
}

/** Types a session into the day's add form with the keyboard; Enter submits. */
async function addByKeyboard(page: Page, day: number, start: string, end: string, title: string) {
	const form = page.locator('section.agenda-day').nth(day).locator('details.add-session');
	if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) {
		await form.locator('summary').focus();
		await page.keyboard.press('Enter');
	}
	const sessions = page.locator('section.agenda-day').nth(day).locator('li.session');
	const before = await sessions.count();
	// From the summary, Tab enters each time field at its hour; the minutes follow on their own.
	await form.locator('summary').focus();
	await page.keyboard.press('Tab');
	await page.keyboard.type(timeKeys(start));
	await expect(form.getByLabel(/^Début/)).toHaveValue(start);
	await tabTo(page, form.getByLabel(/^Fin/));
	await page.keyboard.type(timeKeys(end));
	await expect(form.getByLabel(/^Fin/)).toHaveValue(end);
	await tabTo(page, form.getByLabel('Titre'));
	await page.keyboard.type(title);
	await page.keyboard.press('Enter');
	await expect(sessions).toHaveCount(before + 1);
}

/** The day's add form, opened (it stays open after a save, ready for the next session). */
async function openAdd(page: Page, day: number) {
	const form = page.locator('section.agenda-day').nth(day).locator('details.add-session');
	if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) {
		await form.locator('summary').click();
	}
	return form;
}

async function add(page: Page, day: number, start: string, end: string, title: string) {
	const form = await openAdd(page, day);
	const sessions = page.locator('section.agenda-day').nth(day).locator('li.session');
	const before = await sessions.count();
	await form.getByLabel(/^Début/).fill(start);
	await form.getByLabel(/^Fin/).fill(end);
	await form.getByLabel('Titre').fill(title);
	await form.getByRole('button', { name: 'Ajouter une séance' }).click();
	// The same status text stays from the last save: the new session is the sign.
	await expect(sessions).toHaveCount(before + 1);
}

test('a six-day programme built by keyboard and drag and drop, exported and printed', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	await keoogo.goto('/visits/new');
	await keoogo
		.getByLabel('Organisation partenaire')
		.selectOption({ label: 'Dispensaire Trottoir' });
	await keoogo.getByLabel('Titre').fill(`Semaine au préscolaire ${Date.now()}`);
	await keoogo.getByLabel('Premier jour').fill('2027-11-08');
	await keoogo.getByLabel('Dernier jour').fill('2027-11-13');
	await keoogo.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(keoogo.getByRole('status')).toContainText('Proposition envoyée');
	const url = keoogo.url().replace(/\?.*$/, '');
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	await dt.goto(url);
	await dt.getByRole('button', { name: 'Accepter', exact: true }).click();
	await expect(dt.locator('.meta')).toContainText('Acceptée');

	await keoogo.goto(`${url}/agenda`);
	const days = keoogo.locator('section.agenda-day');
	await expect(days).toHaveCount(6);
	await expect(keoogo.locator('.warnings')).toContainText('rien de prévu');

	// Day 1 by keyboard only, then a session on every other day.
	await addByKeyboard(keoogo, 0, '14:00', '18:00', 'Voyage Ouagadougou → Bobo-Dioulasso');
	await addByKeyboard(keoogo, 0, '19:00', '20:00', 'Accueil par l’équipe');
	const plan: [number, string, string, string][] = [
		[1, '08:00', '10:00', 'Observation en petite section'],
		[1, '10:30', '12:00', 'Débriefing avec les monitrices'],
		[2, '08:00', '11:00', 'Visite de l’école maternelle'],
		[3, '08:00', '10:00', 'Observation en grande section'],
		[3, '14:00', '16:00', 'Atelier fiches d’activités'],
		[4, '09:00', '11:00', 'Réunion avec la tutelle'],
		[5, '08:00', '10:00', 'Débriefing final'],
		[5, '13:00', '17:00', 'Voyage retour']
	];
	for (const [day, start, end, title] of plan) await add(keoogo, day, start, end, title);
	await expect(keoogo.locator('.warnings')).toHaveCount(0);
	await expect(keoogo.locator('li.session')).toHaveCount(10);

	// Keyboard: the debrief goes before the observation (each keeps its length)…
	await keoogo.getByRole('button', { name: /Avancer « Débriefing avec les monitrices/ }).focus();
	await keoogo.keyboard.press('Enter');
	const day2 = days.nth(1).locator('li.session');
	await expect(day2.first()).toContainText('08:00–09:30');
	await expect(day2.first()).toContainText('Débriefing avec les monitrices');
	await expect(day2.nth(1)).toContainText('10:00–12:00');

	// …and drag and drop: the workshop to day 3, then first in day 4's order.
	const workshop = keoogo.locator('li.session', { hasText: 'Atelier fiches' });
	await drag(keoogo, workshop, days.nth(2).locator('h2'));
	await expect(days.nth(2).locator('li.session', { hasText: 'Atelier fiches' })).toBeVisible();
	await expect(days.nth(3).locator('li.session')).toHaveCount(1);
	const observation = days.nth(3).locator('li.session', { hasText: 'Observation en grande' });
	await drag(
		keoogo,
		days.nth(2).locator('li.session', { hasText: 'Atelier fiches' }),
		days.nth(3).locator('h2')
	);
	await expect(days.nth(3).locator('li.session')).toHaveCount(2);
	await drag(keoogo, days.nth(3).locator('li.session', { hasText: 'Atelier fiches' }), observation);
	await expect(days.nth(3).locator('li.session').first()).toContainText('Atelier fiches');
	await expect(days.nth(3).locator('li.session').first()).toContainText('08:00–10:00');
	await expect(days.nth(3).locator('li.session').nth(1)).toContainText('14:00–16:00');

	// A parallel track on day 5: refused as a typo until confirmed, then a warning.
	const form = await openAdd(keoogo, 4);
	await form.getByLabel(/^Début/).fill('09:00');
	await form.getByLabel(/^Fin/).fill('10:00');
	await form.getByLabel('Type de séance').selectOption('workshop');
	await form.getByLabel('Titre').fill('Atelier parents');
	await form.getByRole('button', { name: 'Ajouter une séance' }).click();
	await expect(
		form.locator('p.error').getByText('Chevauche : Réunion avec la tutelle.')
	).toBeVisible();
	await form.getByLabel('Séance en parallèle').check();
	await form.getByRole('button', { name: 'Ajouter une séance' }).click();
	await expect(keoogo.locator('.warnings')).toContainText('se chevauchent');
	await expect(days.nth(4).locator('li.parallel li.session')).toHaveCount(2);
	await keoogo.screenshot({ path: 'test-results/screens/programme-story.png', fullPage: true });

	// The calendar: every session once, in UTC (Ouagadougou is UTC+0 all year).
	const first = await downloadCalendar(keoogo);
	expect(first).toHaveLength(11);
	expect(new Set(first.map((e) => e.uid)).size).toBe(11);
	const byTitle = (events: Event[], t: string) => events.find((e) => e.summary === t)!;
	expect(byTitle(first, 'Voyage Ouagadougou → Bobo-Dioulasso')).toMatchObject({
		start: '2027-11-08T14:00:00.000Z',
		end: '2027-11-08T18:00:00.000Z'
	});
	expect(byTitle(first, 'Atelier fiches d’activités').start).toBe('2027-11-11T08:00:00.000Z');

	// An edit: same UIDs, a higher SEQUENCE for the edited session only.
	const meeting = days.nth(4).locator('li.session', { hasText: 'Réunion avec la tutelle' });
	await meeting.locator('summary', { hasText: 'Modifier' }).click();
	await meeting.getByLabel(/^Fin/).fill('11:30');
	await meeting.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(keoogo.getByRole('status')).toHaveText('Programme mis à jour.');
	const second = await downloadCalendar(keoogo);
	expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
	const before = byTitle(first, 'Réunion avec la tutelle');
	const after = byTitle(second, 'Réunion avec la tutelle');
	expect(after.sequence).toBeGreaterThan(before.sequence);
	expect(after.end).toBe('2027-11-12T11:30:00.000Z');
	expect(byTitle(second, 'Voyage retour').sequence).toBe(byTitle(first, 'Voyage retour').sequence);

	// Printed: one or two A4 pages, looked at as images.
	await keoogo.goto(`${url}/agenda/print`);
	await keoogo.emulateMedia({ media: 'print' });
	await keoogo.screenshot({
		path: 'test-results/screens/programme-story-print.png',
		fullPage: true
	});
	const pdf = await keoogo.pdf({ format: 'A4', path: 'test-results/screens/programme-story.pdf' });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
	expect(pages.length).toBeGreaterThanOrEqual(1);
	expect(pages.length).toBeLessThanOrEqual(2);
	for (const p of [keoogo, dt]) await p.context().close();
});
