import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// The follow-up story of issue 7 on a visit created here: KEOOGO records lessons and actions, one
// action falls overdue and is reminded once however often the job runs, its owner reports
// progress then marks it done, and the dashboard, the CSV, the search and the report show it.
test.setTimeout(180_000);

const port = process.env.E2E_PORT ?? '4173';
const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

async function as(browser: Browser, email: string, options = {}) {
	const context = await browser.newContext({ locale: 'fr-FR', ...options });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

const isoDay = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** `npm run reminders` on the e2e server's database, as an operator would from cron. */
function runReminders() {
	const database = readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim();
	return execFileSync('npm', ['run', '--silent', 'reminders'], {
		env: { ...process.env, DATABASE_PATH: database, ORIGIN: `http://127.0.0.1:${port}` },
		encoding: 'utf8'
	});
}

test('a new visit followed up: lessons, an overdue action reminded once, done, dashboard, CSV, search, report', async ({
	browser
}) => {
	const stamp = String(Date.now()).slice(-7);
	const title = `Bulletins et suivi des enfants ${stamp}`;
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);

	// KEOOGO proposes the visit, Dispensaire Trottoir accepts it.
	await keoogo.goto('/visits/new');
	await keoogo
		.getByLabel('Organisation partenaire')
		.selectOption({ label: 'Dispensaire Trottoir' });
	await keoogo.getByLabel('Titre').fill(title);
	await keoogo.getByLabel('Premier jour').fill('2027-02-08');
	await keoogo.getByLabel('Dernier jour').fill('2027-02-10');
	await keoogo.getByRole('button', { name: 'Envoyer la proposition' }).click();
	await expect(keoogo.getByRole('status')).toContainText('Proposition envoyée');
	const visitUrl = keoogo.url().replace(/\?.*$/, '');
	const visitId = visitUrl.split('/').pop();
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	await dt.goto(visitUrl);
	await dt.getByRole('button', { name: 'Accepter', exact: true }).click();
	await expect(dt.locator('.meta')).toContainText('Acceptée');
	await dt.context().close();

	// Two lessons; the first has accents that search will fold.
	const lesson = `Réunion des mères éducatrices ${stamp}`;
	await keoogo.goto(visitUrl);
	await keoogo.getByRole('link', { name: 'Enseignements tirés' }).click();
	await keoogo.getByLabel('Enseignement', { exact: true }).fill(lesson);
	await keoogo.getByLabel('Ce que nous avons observé').fill('Les mères lisent le bulletin.');
	await keoogo.getByLabel('Ce que nous allons adapter').fill('Un bulletin illustré.');
	await keoogo.getByRole('button', { name: "Enregistrer l'enseignement" }).click();
	await expect(keoogo.getByRole('heading', { name: lesson })).toBeVisible();
	await keoogo.getByLabel('Enseignement', { exact: true }).fill(`Cahiers de liaison ${stamp}`);
	await keoogo.getByRole('button', { name: "Enregistrer l'enseignement" }).click();
	await expect(keoogo.locator('li.lesson')).toHaveCount(2);

	// Two actions, both due later; the first comes from the lesson and is Aminata's.
	const action = `Diffuser le modèle de bulletin ${stamp}`;
	await keoogo.getByRole('link', { name: 'Actions de suivi' }).click();
	await keoogo.getByLabel('Action', { exact: true }).fill(action);
	await keoogo
		.getByLabel('Personne responsable')
		.selectOption({ label: 'Aminata Ouédraogo (KEOOGO)' });
	await keoogo.getByLabel('Échéance').fill(isoDay(30));
	await keoogo.getByLabel("Enseignement d'origine").selectOption({ label: lesson });
	await keoogo.getByRole('button', { name: "Enregistrer l'action" }).click();
	await expect(keoogo.getByRole('row', { name: new RegExp(action) })).toBeVisible();
	await keoogo.getByLabel('Action', { exact: true }).fill(`Former les aides-monitrices ${stamp}`);
	await keoogo.getByLabel('Échéance').fill(isoDay(90));
	await keoogo.getByRole('button', { name: "Enregistrer l'action" }).click();
	await expect(keoogo.getByRole('table').getByRole('row')).toHaveCount(3);

	// The first action falls overdue: its due date moved to yesterday through its edit form.
	await keoogo
		.getByRole('row', { name: new RegExp(action) })
		.getByRole('link')
		.first()
		.click();
	await keoogo.waitForURL(/\/actions\/\d+$/);
	const actionUrl = keoogo.url();
	const actionId = actionUrl.split('/').pop();
	await keoogo.getByText("Modifier l'action").click();
	await keoogo.getByLabel('Échéance').fill(isoDay(-1));
	await keoogo.getByRole('button', { name: "Enregistrer l'action" }).click();
	// A due date already passed is saved only once the person says it is meant.
	await keoogo.getByLabel(/Enregistrer quand même/).check();
	await keoogo.getByRole('button', { name: "Enregistrer l'action" }).click();
	await expect(keoogo.locator('.facts')).toContainText('En retard');

	// The reminder job, run twice by hand. The server's own scheduler may have sent it meanwhile
	// (its first run is 20 s after start): either way it goes out exactly once.
	const runs = [runReminders(), runReminders()];
	const sent = `action ${actionId}: overdue_week_1`;
	const serverLog = readFileSync(`test-results/server-${port}.log`, 'utf8');
	expect([serverLog, ...runs].join('\n').split(sent)).toHaveLength(2);
	expect(runs[1]).not.toContain(`action ${actionId}:`);
	await keoogo.goto('/notifications');
	await expect(keoogo.locator('li.notification', { hasText: action })).toHaveCount(1);
	await expect(keoogo.locator('li.notification', { hasText: action })).toContainText('en retard');
	const staff = await as(browser, ACCOUNTS.staff);
	await staff.goto('/admin/outbox');
	await expect(staff.locator('li.card', { hasText: action })).toHaveCount(1);

	// Staff see it overdue on the dashboard.
	await staff.goto('/dashboard');
	await expect(staff.getByRole('link', { name: action })).toBeVisible();

	// The owner reports progress, then marks it done.
	await keoogo.goto(actionUrl);
	await keoogo.getByLabel('Où en est-on ?').fill('Modèle envoyé aux éducatrices.');
	await keoogo.getByLabel('Statut').selectOption('in_progress');
	await keoogo.getByRole('button', { name: "Enregistrer l'avancement" }).click();
	await expect(keoogo.locator('.history li')).toHaveCount(1);
	await keoogo.getByLabel('Où en est-on ?').fill('Toutes les classes l’utilisent.');
	await keoogo.getByLabel('Statut').selectOption('done');
	await keoogo.getByRole('button', { name: "Enregistrer l'avancement" }).click();
	await expect(keoogo.locator('.history li')).toHaveCount(2);
	await expect(keoogo.locator('.facts')).toContainText('Réalisée');
	await expect(keoogo.locator('.facts')).not.toContainText('En retard');

	// The dashboard: no longer overdue, the visit half done (1 of 2).
	await staff.goto('/dashboard');
	await expect(staff.getByRole('link', { name: action })).toHaveCount(0);
	const visitRow = staff.getByRole('row', { name: new RegExp(title) });
	await expect(visitRow).toContainText('50 %');
	await expect(visitRow).toContainText('(1/2)');
	await shot(staff, 'follow-up-dashboard-fr');

	// The CSV, with the same filters as /actions.
	const csv = await (await keoogo.request.get(`/actions.csv?visit=${visitId}`)).text();
	expect(csv).toMatch(new RegExp(`${action}.*Réalisée`));
	expect(csv).toMatch(new RegExp(`Former les aides-monitrices ${stamp}.*À faire`));
	const overdue = await (
		await keoogo.request.get(`/actions.csv?visit=${visitId}&overdue=1`)
	).text();
	expect(overdue).not.toContain(action);

	// Search: accented and not, in either case.
	for (const q of [`mères ${stamp}`, `MERES educatrices ${stamp}`]) {
		await keoogo.goto(`/lessons?q=${encodeURIComponent(q)}`);
		await expect(keoogo.getByRole('heading', { name: lesson })).toBeVisible();
		await expect(keoogo.locator('li.lesson')).toHaveCount(1);
	}

	// The report: lessons and actions with their status; it prints.
	await keoogo.goto(`${visitUrl}/report`);
	await expect(keoogo.getByRole('heading', { name: lesson })).toBeVisible();
	await expect(keoogo.getByRole('row', { name: new RegExp(action) })).toContainText('Réalisée');
	await keoogo.emulateMedia({ media: 'print' });
	await expect(keoogo.locator('header').first()).toBeHidden();
	await shot(keoogo, 'follow-up-report-print-fr');
	const pdf = await keoogo.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	await keoogo.emulateMedia({ media: 'screen' });

	// On a phone, in French and Arabic: the dashboard and the report fit the screen.
	await staff.setViewportSize({ width: 390, height: 844 });
	for (const locale of ['fr', 'ar'] as const) {
		await setLanguage(staff, locale);
		for (const [path, name] of [
			['/dashboard', 'dashboard'],
			[`${visitUrl}/report`, 'report']
		]) {
			await staff.goto(path);
			const width = await staff.evaluate(() => document.documentElement.scrollWidth);
			expect(width, `${name} in ${locale} scrolls sideways`).toBeLessThanOrEqual(390);
			await shot(staff, `follow-up-${name}-390-${locale}`);
		}
	}
	await setLanguage(staff, 'fr');
	for (const p of [keoogo, staff]) await p.context().close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);

test('documents on a lesson: refused types and sizes, download, delete; lesson edited and deleted', async ({
	browser
}) => {
	const stamp = String(Date.now()).slice(-7);
	const keoogo = await as(browser, ACCOUNTS.keoogoCoordinator);
	await keoogo.goto('/visits/1/lessons');
	await keoogo.getByLabel('Enseignement', { exact: true }).fill(`Fiches d’activité ${stamp}`);
	await keoogo.getByRole('button', { name: "Enregistrer l'enseignement" }).click();
	await keoogo.getByRole('link', { name: `Fiches d’activité ${stamp}` }).click();
	await keoogo.waitForURL(/\/lessons\/\d+$/);
	const lessonUrl = keoogo.url();
	const file = keoogo.getByLabel('Fichier');
	const upload = keoogo.getByRole('button', { name: 'Envoyer le document' });
	const error = keoogo.locator('#field-file-error');

	// A program renamed .pdf, an empty file: refused with a message, nothing stored.
	const exe = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
	await file.setInputFiles({ name: 'fiche.pdf', mimeType: 'application/pdf', buffer: exe });
	await upload.click();
	await expect(error).toContainText('ne correspond pas à son nom');
	await file.setInputFiles({
		name: 'vide.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.alloc(0)
	});
	await upload.click();
	await expect(error).toHaveText('Ce fichier est vide.');
	// Over 10 MB: refused before sending when JavaScript runs.
	await file.setInputFiles({ name: 'gros.pdf', mimeType: 'application/pdf', buffer: pdfOf(11e6) });
	await upload.click();
	await expect(error).toContainText('dépasse 10 Mo');
	await expect(keoogo.locator('.files li')).toHaveCount(0);

	// A real PDF with an accented name.
	const name = `Fiche d'activité ${stamp}.pdf`;
	await file.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
	await upload.click();
	await expect(keoogo.getByRole('status')).toHaveText('Document joint.');
	const link = keoogo.getByRole('link', { name });
	const href = await link.getAttribute('href');
	const download = await keoogo.request.get(href!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(download.headers()['content-disposition']).toContain(
		`filename*=UTF-8''Fiche%20d%27activit%C3%A9%20${stamp}.pdf`
	);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	expect(download.headers()['cache-control']).toBe('private, no-cache');
	expect(Buffer.compare(await download.body(), PDF)).toBe(0);
	await shot(keoogo, 'lesson-documents-fr');

	// Without JavaScript, the server answers: 11 MB (under the body limit), 13 MB (over it).
	const noScript = await as(browser, ACCOUNTS.keoogoCoordinator, { javaScriptEnabled: false });
	for (const size of [11e6, 13e6]) {
		await noScript.goto(lessonUrl);
		await noScript
			.getByLabel('Fichier')
			.setInputFiles({ name: 'gros.pdf', mimeType: 'application/pdf', buffer: pdfOf(size) });
		await noScript.getByRole('button', { name: 'Envoyer le document' }).click();
		await expect(noScript.locator('#field-file-error')).toContainText('dépasse 10 Mo');
		await expect(noScript.getByRole('heading', { name: 'Documents' })).toBeVisible();
	}
	await noScript.context().close();

	// The lesson is edited; search sees the new title.
	await keoogo.getByLabel('Enseignement', { exact: true }).fill(`Fiches d’étape ${stamp}`);
	await keoogo.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(keoogo.getByRole('status')).toHaveText('Enseignement modifié.');
	await expect(keoogo.getByRole('heading', { level: 1 })).toHaveText(`Fiches d’étape ${stamp}`);

	// The document deleted after a confirmation: gone from the page and from its address.
	await keoogo.locator('.files details summary').click();
	await keoogo.getByRole('button', { name: 'Oui, supprimer le document' }).click();
	await expect(keoogo.getByRole('status')).toHaveText('Document supprimé.');
	await expect(keoogo.getByRole('link', { name })).toHaveCount(0);
	expect((await keoogo.request.get(href!)).status()).toBe(404);

	// Then the lesson, after a confirmation.
	await keoogo.getByText("Supprimer l'enseignement", { exact: true }).click();
	await keoogo.getByRole('button', { name: "Oui, supprimer l'enseignement" }).click();
	await expect(keoogo.getByRole('status')).toHaveText('Enseignement supprimé.');
	expect((await keoogo.goto(lessonUrl))?.status()).toBe(404);

	// A participants-only lesson of RACINES: staff attach a document; KEOOGO gets 404 for both.
	const staff = await as(browser, ACCOUNTS.staff);
	await staff.goto('/lessons?q=documenter');
	await staff.getByRole('link', { name: /Documenter et outiller/ }).click();
	await staff.waitForURL(/\/lessons\/\d+$/);
	const secretUrl = staff.url();
	// The browser's claim is ignored: the type comes from the bytes.
	await staff.getByLabel('Fichier').setInputFiles({
		name: 'bulletin.pdf',
		mimeType: 'application/octet-stream',
		buffer: PDF
	});
	await staff.getByRole('button', { name: 'Envoyer le document' }).click();
	await expect(staff.getByRole('status')).toHaveText('Document joint.');
	const secretHref = await staff.getByRole('link', { name: 'bulletin.pdf' }).getAttribute('href');
	const secret = await staff.request.get(secretHref!);
	expect(secret.headers()['content-type']).toBe('application/pdf');
	expect((await keoogo.goto(secretUrl))?.status()).toBe(404);
	expect((await keoogo.request.get(secretHref!)).status()).toBe(404);
	// The host's coordinator reads KEOOGO's lesson but may not attach to it: 403.
	const dt = await as(browser, ACCOUNTS.dtCoordinator);
	const denied = await dt.request.post('/visits/1/lessons/1?/attach', {
		multipart: { file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: PDF } },
		headers: { Origin: new URL(secretUrl).origin, Accept: 'text/html' }
	});
	expect(denied.status()).toBe(403);

	// Arabic, phone width: the lesson page with its documents.
	await staff.setViewportSize({ width: 390, height: 844 });
	await shot(staff, 'lesson-documents-390-fr');
	await setLanguage(staff, 'ar');
	await staff.goto(secretUrl);
	await shot(staff, 'lesson-documents-390-ar');
	await setLanguage(staff, 'fr');
	for (const p of [keoogo, staff, dt]) await p.context().close();
});
