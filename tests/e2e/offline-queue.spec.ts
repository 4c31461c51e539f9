import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openProfile, profileDir } from '../pages/offline';
import { ACCOUNTS, signIn } from '../pages/session';

// Writes made offline (issue 19 part 3): kept on the device, sent once when the connection
// returns, and a sheet changed meanwhile shown beside the device's version instead of overwritten.
test.describe.configure({ timeout: 120_000 });

const port = process.env.E2E_PORT ?? '4173';
const database = () => {
	const db = new Database(readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim());
	db.pragma('busy_timeout = 5000');
	return db;
};

/**
 * Test fixture: a new delegate's private link on the demo evaluation, as "open the evaluation"
 * would mail it (the token is stored as its SHA-256 only).
 */
function freshLink(name: string): { path: string; responseId: number } {
	const token = Array.from(
		{ length: 64 },
		() => 'abcdefghijklmnopqrstuvwxyz234567'[randomInt(32)]
	).join('');
	const db = database();
	try {
		const { id } = db
			.prepare(
				`INSERT INTO evaluation_responses (evaluation_id, organisation_id, respondent_name, token_hash, token_expires_at)
				 SELECT evaluation_id, organisation_id, ?, ?, ? FROM evaluation_responses LIMIT 1 RETURNING id`
			)
			.get(name, createHash('sha256').update(token).digest('hex'), Date.now() + 86_400_000) as {
			id: number;
		};
		return { path: `/e/${token}`, responseId: id };
	} finally {
		db.close();
	}
}

function sheetRow(responseId: number) {
	const db = database();
	try {
		return db
			.prepare(
				`SELECT r.version, r.submitted_at AS submittedAt,
				   (SELECT group_concat(a.text, '|') FROM evaluation_answers a WHERE a.response_id = r.id AND a.text IS NOT NULL) AS texts,
				   (SELECT count(*) FROM evaluation_answers a WHERE a.response_id = r.id) AS answers
				 FROM evaluation_responses r WHERE r.id = ?`
			)
			.get(responseId) as {
			version: number;
			submittedAt: number | null;
			texts: string | null;
			answers: number;
		};
	} finally {
		db.close();
	}
}

const question = (page: Page, name: RegExp) => page.getByRole('group', { name });
const difficulties = (page: Page) => page.getByLabel(/difficultés avez-vous rencontrées/);
const waiting = (page: Page) => page.locator('p.queue');

test('a sheet submitted offline survives a browser restart and reaches the server once', async () => {
	const sheet = freshLink('Aïcha Hors-Ligne');
	const dir = profileDir();
	let { context, page } = await openProfile(dir.path);
	try {
		await page.goto(sheet.path);
		await expect(page.locator('form[data-queue="idle"]')).toBeVisible();
		await context.setOffline(true);

		await question(page, /objectifs de la visite/)
			.getByLabel('4', { exact: true })
			.check();
		await question(page, /note globale/)
			.getByLabel('5', { exact: true })
			.check();
		await difficulties(page).fill('Le bus est tombé en panne.');
		await page.getByRole('button', { name: 'Envoyer la fiche' }).click();
		await expect(page.getByText('Enregistré sur ce téléphone')).toBeVisible();
		await expect(waiting(page)).toHaveText('En attente d’envoi (1)');
		expect(sheetRow(sheet.responseId)).toMatchObject({ version: 1, submittedAt: null, answers: 0 });

		// The browser is closed and opened again, where the server cannot be reached for writes
		// yet: the sheet is still on the phone, in the form, waiting.
		await context.close();
		({ context, page } = await openProfile(dir.path));
		await context.route(/\?\/(save|submit)$/, (route) => route.abort('internetdisconnected'));
		await page.goto(sheet.path);
		await expect(page.locator('form[data-queue="queued"]')).toBeVisible();
		await expect(difficulties(page)).toHaveValue('Le bus est tombé en panne.');
		await expect(question(page, /note globale/).getByLabel('5', { exact: true })).toBeChecked();
		await expect(waiting(page)).toHaveText('En attente d’envoi (1)');
		expect(sheetRow(sheet.responseId)).toMatchObject({ version: 1, submittedAt: null, answers: 0 });

		// The connection returns, but the first answer is lost on the way back: the server saved
		// the sheet, the phone does not know it and keeps the write.
		await context.unrouteAll({ behavior: 'ignoreErrors' });
		let posts = 0;
		await context.route(
			/\?\/submit$/,
			async (route) => {
				posts++;
				await route.fetch();
				await route.abort('connectionreset');
			},
			{ times: 1 }
		);
		await page.evaluate(() => dispatchEvent(new Event('online')));
		await expect.poll(() => posts).toBe(1);
		await expect.poll(() => sheetRow(sheet.responseId).version).toBe(2);
		await expect(waiting(page)).toHaveText('En attente d’envoi (1)');

		// Opening the app again sends it again, with the same key: nothing is written twice.
		await page.reload();
		await expect(waiting(page)).toHaveCount(0);
		await expect(page.getByText(/Cette fiche a été envoyée le/)).toBeVisible();
		const row = sheetRow(sheet.responseId);
		expect(row).toMatchObject({ version: 2, answers: 3, texts: 'Le bus est tombé en panne.' });
		expect(row.submittedAt).not.toBeNull();
	} finally {
		await context.close();
		dir.remove();
	}
});

test('a sheet changed elsewhere meanwhile is shown beside the phone’s, nothing overwritten', async ({
	page,
	request
}) => {
	const sheet = freshLink('Boubacar Deux-Appareils');
	await page.goto(sheet.path);
	await expect(page.locator('form[data-queue="idle"]')).toBeVisible();
	const field = await difficulties(page).getAttribute('name');

	await page.context().setOffline(true);
	await difficulties(page).fill('Écrit dans le bus, hors ligne.');
	await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(page.getByText('Enregistré sur ce téléphone')).toBeVisible();

	// Meanwhile the same person saves the sheet from a computer.
	const computer = await request.post(`${sheet.path}?/save`, {
		form: { [field!]: 'Écrit sur l’ordinateur.' },
		headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' }
	});
	expect(computer.status()).toBe(200);

	await page.context().setOffline(false);
	const panel = page.getByRole('alert').filter({ hasText: 'Modifié ailleurs entre-temps' });
	await expect(panel).toBeVisible();
	await expect(panel.locator('.mine')).toContainText('Écrit dans le bus, hors ligne.');
	await expect(panel.locator('.theirs')).toContainText('Écrit sur l’ordinateur.');
	await expect(waiting(page)).toContainText('À revoir');
	expect(sheetRow(sheet.responseId).texts).toBe('Écrit sur l’ordinateur.');

	// Both stay until the person chooses, even after a reload.
	await page.reload();
	await expect(panel.locator('.mine')).toContainText('Écrit dans le bus, hors ligne.');
	await expect(panel.locator('.theirs')).toContainText('Écrit sur l’ordinateur.');
	await expect(difficulties(page)).toHaveValue('Écrit dans le bus, hors ligne.');

	// "Keep mine": sent again, at the server's version.
	await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(page.getByText('Brouillon enregistré')).toBeVisible();
	await expect(panel).toHaveCount(0);
	await expect(waiting(page)).toHaveCount(0);
	expect(sheetRow(sheet.responseId)).toMatchObject({
		version: 3,
		texts: 'Écrit dans le bus, hors ligne.'
	});
});

test('without JavaScript, a sheet saved elsewhere comes back with both texts', async ({
	browser,
	request
}) => {
	const sheet = freshLink('Chantal Sans-Script');
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await page.goto(sheet.path);
		const field = await difficulties(page).getAttribute('name');
		await request.post(`${sheet.path}?/save`, {
			form: { [field!]: 'La version enregistrée avant.' },
			headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' }
		});
		await difficulties(page).fill('Ma version.');
		await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
		const panel = page.getByRole('alert').filter({ hasText: 'Modifié ailleurs entre-temps' });
		await expect(panel.locator('.mine')).toContainText('Ma version.');
		await expect(panel.locator('.theirs')).toContainText('La version enregistrée avant.');
		await expect(difficulties(page)).toHaveValue('Ma version.');
		expect(sheetRow(sheet.responseId).texts).toBe('La version enregistrée avant.');
		// "Keep the server's": the page again, with the server's text.
		await panel.getByRole('link', { name: 'Garder la version du serveur' }).click();
		await expect(difficulties(page)).toHaveValue('La version enregistrée avant.');
		// Sending the same form twice (a double tap) saves once: the server's key replays.
	} finally {
		await context.close();
	}
});

test('two lessons written offline are each created once; a progress note too', async ({ page }) => {
	const stamp = Date.now() % 1e7;
	const count = (sql: string, ...args: unknown[]) => {
		const db = database();
		try {
			return db
				.prepare(sql)
				.pluck()
				.get(...args) as number;
		} finally {
			db.close();
		}
	};
	const lessons = () => count('SELECT count(*) FROM lessons WHERE title LIKE ?', `%${stamp}%`);
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto('/visits/1/lessons');
	await expect(page.locator('form[data-queue="idle"]')).toBeVisible();

	await page.context().setOffline(true);
	for (const n of [1, 2]) {
		await page.getByLabel('Enseignement', { exact: true }).fill(`Leçon hors ligne ${n} ${stamp}`);
		await page.getByRole('button', { name: "Enregistrer l'enseignement" }).click();
		await expect(waiting(page)).toHaveText(`En attente d’envoi (${n})`);
		// The form is free for the next lesson.
		await expect(page.getByLabel('Enseignement', { exact: true })).toHaveValue('');
	}
	expect(lessons()).toBe(0);

	await page.context().setOffline(false);
	await expect(waiting(page)).toHaveCount(0);
	expect(lessons()).toBe(2);
	await page.reload();
	expect(lessons()).toBe(2);

	// A progress note: the action stays as it is, the note is added once.
	const actionId = count(
		`SELECT a.id FROM actions a JOIN organisations o ON o.id = a.owner_organisation_id
		 WHERE o.short_name = 'KEOOGO' AND a.status IN ('open', 'in_progress') LIMIT 1`
	);
	await page.goto(`/actions/${actionId}`);
	await expect(page.locator('form[data-queue="idle"]')).toBeVisible();
	await page.context().setOffline(true);
	await page.getByLabel('Où en est-on ?').fill(`Appelé depuis le terrain ${stamp}`);
	await page.getByRole('button', { name: "Enregistrer l'avancement" }).click();
	await expect(page.getByText('Enregistré sur ce téléphone')).toBeVisible();
	await page.context().setOffline(false);
	await expect(waiting(page)).toHaveCount(0);
	await page.reload();
	await expect(page.getByText(`Appelé depuis le terrain ${stamp}`)).toHaveCount(1);
	expect(count('SELECT count(*) FROM action_updates WHERE note LIKE ?', `%${stamp}%`)).toBe(1);
});
