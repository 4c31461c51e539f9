import { expect, test } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// The first pages of the programme builder (issue 5 continues: drag and drop, viewer time zone,
// .ics, print). Staff edit the pending RACINES → Dispensaire Trottoir proposal (demo visit 5).
test('staff add sessions, see the overlap warning, move, copy a day and delete', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/visits/5/agenda');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Programme');
	const days = page.locator('section.agenda-day');
	await expect(days).toHaveCount(5);
	const first = days.first();

	const add = first.locator('details.add-session');
	await add.locator('summary').click();
	await add.getByLabel(/^Début/).fill('10:00');
	await add.getByLabel(/^Fin/).fill('09:00');
	await add.getByRole('button', { name: 'Ajouter une séance' }).click();
	await expect(
		add.locator('p.error').getByText(/L'heure de fin .* n'est pas après l'heure de début/)
	).toBeVisible();
	await expect(add.locator('p.error').getByText('Ce champ est obligatoire.')).toBeVisible();
	await add.getByLabel(/^Fin/).fill('12:00');
	await add.getByLabel('Titre').fill('Observation en moyenne section');
	await add.getByRole('button', { name: 'Ajouter une séance' }).click();
	await expect(page.getByRole('status')).toHaveText('Programme mis à jour.');
	await expect(first.locator('li.session')).toContainText('10:00–12:00');
	await expect(first.locator('li.session')).toContainText('Africa/Ouagadougou');

	await add.locator('summary').click();
	await add.getByLabel(/^Début/).fill('11:00');
	await add.getByLabel(/^Fin/).fill('12:30');
	await add.getByLabel('Type de séance').selectOption('workshop');
	await add.getByLabel('Titre').fill('Atelier matériel pédagogique');
	await add.getByRole('button', { name: 'Ajouter une séance' }).click();
	// An overlap is refused until the user says it is a parallel session; the input is kept.
	// The message sits beside the field (the error summary above the form repeats it as a link).
	await expect(
		add.locator('p.error').getByText('Chevauche : Observation en moyenne section.')
	).toBeVisible();
	await expect(add.getByLabel('Titre')).toHaveValue('Atelier matériel pédagogique');
	await expect(first.locator('li.session')).toHaveCount(1);
	await add.getByLabel('Séance en parallèle').check();
	await add.getByRole('button', { name: 'Ajouter une séance' }).click();
	await expect(page.locator('.warnings')).toContainText('se chevauchent');
	await expect(first.locator('li.parallel li.session')).toHaveCount(2);
	await page.screenshot({ path: 'test-results/screens/agenda-fr.png', fullPage: true });

	// Copy the day to the second day, then move the workshop to the third.
	await first.getByLabel('Copier cette journée vers').selectOption({ index: 0 });
	await first.getByRole('button', { name: 'Copier' }).click();
	await expect(days.nth(1).locator('li.session')).toHaveCount(2);
	const workshop = first.locator('li.session', { hasText: 'Atelier matériel' });
	await workshop.locator('summary', { hasText: 'Modifier' }).click();
	await workshop.getByLabel('Déplacer au').selectOption({ index: 2 });
	await workshop.getByRole('button', { name: 'Déplacer' }).click();
	await expect(first.locator('li.session')).toHaveCount(1);
	await expect(days.nth(2).locator('li.session')).toContainText('Atelier matériel pédagogique');

	const moved = days.nth(2).locator('li.session');
	await moved.locator('summary', { hasText: 'Modifier' }).click();
	await moved.locator('summary', { hasText: 'Supprimer…' }).click();
	await moved.getByRole('button', { name: 'Oui, supprimer cette séance' }).click();
	await expect(days.nth(2).locator('li.session')).toHaveCount(0);

	await setLanguage(page, 'ar');
	await page.goto('/visits/5/agenda');
	await page.screenshot({ path: 'test-results/screens/agenda-ar.png', fullPage: true });
	await setLanguage(page, 'fr');
});

test('bad sessions and changes by those who may not are refused, never a 500', async ({
	page,
	browser
}) => {
	await signIn(page, ACCOUNTS.staff);
	const origin = new URL(page.url()).origin;
	const post = (path: string, form: Record<string, string>) =>
		page.request.post(path, {
			form,
			headers: { Origin: origin, Accept: 'text/html' },
			maxRedirects: 0
		});
	await page.goto('/visits/5/agenda');
	const day = await page.locator('section.agenda-day').first().getAttribute('data-day');
	const base = { day: day!, startsAt: '09:00', endsAt: '10:00', kind: 'meeting', title: 'Réunion' };
	expect((await post('/visits/5/agenda?/add', { ...base, startsAt: '25:00' })).status()).toBe(400);
	expect((await post('/visits/5/agenda?/add', { ...base, day: '2001-01-01' })).status()).toBe(400);
	expect((await post('/visits/5/agenda?/add', { ...base, kind: 'party' })).status()).toBe(400);
	expect(
		(await post('/visits/5/agenda?/add', { ...base, title: 'x'.repeat(20_000) })).status()
	).toBe(400);
	expect((await post('/visits/5/agenda?/delete', { id: '999999' })).status()).toBe(404);
	expect((await post('/visits/999999/agenda?/add', base)).status()).toBe(404);

	// A member reads the programme but may not change it.
	const context = await browser.newContext({ locale: 'fr-FR' });
	const member = await context.newPage();
	await signIn(member, ACCOUNTS.keoogoMember);
	expect((await member.goto('/visits/1/agenda'))?.status()).toBe(200);
	await expect(member.getByText('Ajouter une séance')).toHaveCount(0);
	const denied = await member.request.post('/visits/1/agenda?/add', {
		form: base,
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(denied.status()).toBe(403);
	await context.close();
});

test('a second save over someone else’s is refused with both versions shown; reorder; time zones', async ({
	browser
}) => {
	const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
	for (const p of [a, b]) await signIn(p, ACCOUNTS.staff);
	await a.goto('/visits/5/agenda');
	const day = a.locator('section.agenda-day').nth(4);
	const add = day.locator('details.add-session');
	for (const [start, end, title] of [
		['09:00', '10:00', 'Visite de l’école maternelle'],
		['10:30', '12:00', 'Débriefing de la semaine']
	]) {
		// The form stays open after a success, ready for the next session.
		if (!(await add.evaluate((d) => (d as HTMLDetailsElement).open))) {
			await add.locator('summary').click();
		}
		await add.getByLabel(/^Début/).fill(start);
		await add.getByLabel(/^Fin/).fill(end);
		await add.getByLabel('Titre').fill(title);
		await add.getByRole('button', { name: 'Ajouter une séance' }).click();
		await expect(a.getByRole('status')).toHaveText('Programme mis à jour.');
	}
	await b.goto('/visits/5/agenda');
	const edit = (p: typeof a) =>
		p.locator('section.agenda-day').nth(4).locator('li.session', { hasText: 'école maternelle' });
	await edit(a).locator('summary', { hasText: 'Modifier' }).click();
	await edit(b).locator('summary', { hasText: 'Modifier' }).click();
	await edit(a).getByLabel('Lieu').fill('École maternelle de Saaba');
	await edit(a).getByRole('button', { name: 'Enregistrer' }).click();
	await expect(a.getByRole('status')).toHaveText('Programme mis à jour.');

	await edit(b).getByLabel('Titre').fill('Visite de la maternelle (classe des petits)');
	await edit(b).getByRole('button', { name: 'Enregistrer' }).click();
	await expect(edit(b).getByRole('alert')).toContainText("Quelqu'un d'autre a enregistré");
	await expect(edit(b).getByRole('alert')).toContainText('École maternelle de Saaba');
	await expect(edit(b).getByLabel('Titre')).toHaveValue(
		'Visite de la maternelle (classe des petits)'
	);
	await b.screenshot({ path: 'test-results/screens/agenda-stale.png', fullPage: true });
	await edit(b).getByRole('button', { name: 'Enregistrer' }).click();
	await expect(b.getByRole('status')).toHaveText('Programme mis à jour.');
	const sessions = b.locator('section.agenda-day').nth(4).locator('li.session');
	await expect(sessions.first()).toContainText('Visite de la maternelle (classe des petits)');

	// By keyboard: the visit moves after the debrief, each keeping its length.
	await b.getByRole('button', { name: /Reculer « Visite de la maternelle/ }).focus();
	await b.keyboard.press('Enter');
	await expect(sessions.first()).toContainText('Débriefing de la semaine');
	await expect(sessions.first()).toContainText('09:00–10:30');
	await expect(sessions.nth(1)).toContainText('11:00–12:00');

	// The same programme seen from Lima (UTC−5); a made-up zone is ignored.
	await b.goto('/visits/5/agenda?tz=America/Lima');
	await expect(b.getByText(/Heures affichées en\W*America\/Lima/)).toBeVisible();
	await expect(sessions.first()).toContainText('04:00–05:30 America/Lima');
	await b.goto('/visits/5/agenda?tz=Mars/Olympus');
	await expect(b.getByText('Heures affichées en')).toHaveCount(0);
	await expect(sessions.first()).toContainText('09:00–10:30');
	await Promise.all([a.close(), b.close()]);
});

test('without JavaScript: add, reorder, duplicate and delete by plain forms', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/visits/5/agenda');
	const day = page.locator('section.agenda-day').nth(3);
	for (const [start, end, title] of [
		['09:00', '10:00', 'Lecture partagée'],
		['10:00', '11:30', 'Jeux de rôle']
	]) {
		const add = page.locator('section.agenda-day').nth(3).locator('details.add-session');
		await add.locator('summary').click();
		// Without JavaScript the closed forms are not in the page: a link asks for them.
		await add.getByRole('link', { name: 'Afficher le formulaire' }).click();
		await expect(page).toHaveURL(/[?&]add=/);
		await add.getByLabel(/^Début/).fill(start);
		await add.getByLabel(/^Fin/).fill(end);
		await add.getByLabel('Titre').fill(title);
		await add.getByRole('button', { name: 'Ajouter une séance' }).click();
		await expect(page.getByRole('status')).toHaveText('Programme mis à jour.');
	}
	await page.getByRole('button', { name: /Reculer « Lecture partagée/ }).click();
	const sessions = day.locator('li.session');
	await expect(sessions.first()).toContainText('09:00–10:30');
	await expect(sessions.first()).toContainText('Jeux de rôle');
	await expect(sessions.nth(1)).toContainText('10:30–11:30');

	const reading = day.locator('li.session', { hasText: 'Lecture partagée' });
	await reading.locator('summary', { hasText: 'Modifier' }).click();
	await reading.getByRole('link', { name: 'Afficher le formulaire' }).click();
	await expect(reading.getByLabel('Dupliquer au')).toBeVisible();
	// To the third day: on the fifth, 10:30–11:30 would overlap the school visit, now refused.
	await reading.getByLabel('Dupliquer au').selectOption({ index: 2 });
	await reading.getByRole('button', { name: 'Dupliquer' }).click();
	const last = page.locator('section.agenda-day').nth(2);
	await expect(last.locator('li.session', { hasText: 'Lecture partagée' })).toContainText(
		'10:30–11:30'
	);
	await expect(day.locator('li.session', { hasText: 'Lecture partagée' })).toHaveCount(1);

	const copy = last.locator('li.session', { hasText: 'Lecture partagée' });
	await copy.locator('summary', { hasText: 'Modifier' }).click();
	await copy.getByRole('link', { name: 'Afficher le formulaire' }).click();
	await copy.locator('summary', { hasText: 'Supprimer…' }).click();
	await copy.getByRole('button', { name: 'Oui, supprimer cette séance' }).click();
	await expect(last.locator('li.session', { hasText: 'Lecture partagée' })).toHaveCount(0);
	await context.close();
});

test('« Plus tard » beside a parallel session moves the group; a refused move says why, with or without JavaScript', async ({
	page,
	browser
}) => {
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/visits/5/agenda');
	const days = page.locator('section.agenda-day');
	// Evening sessions: the other tests of this file plan mornings.
	const plan: [number, string, string, string, boolean][] = [
		[2, '17:00', '18:00', 'Atelier des conteuses', false],
		[2, '17:00', '19:00', 'Plénière du soir', true],
		[2, '19:00', '20:00', 'Visite du jardin', false],
		[1, '17:30', '18:30', 'Conte du soir', false]
	];
	for (const [day, start, end, title, parallel] of plan) {
		const add = days.nth(day).locator('details.add-session');
		if (!(await add.evaluate((d) => (d as HTMLDetailsElement).open))) {
			await add.locator('summary').click();
		}
		await add.getByLabel(/^Début/).fill(start);
		await add.getByLabel(/^Fin/).fill(end);
		await add.getByLabel('Titre').fill(title);
		await add.getByLabel('Séance en parallèle').setChecked(parallel);
		await add.getByRole('button', { name: 'Ajouter une séance' }).click();
		await expect(days.nth(day).locator('li.session', { hasText: title })).toBeVisible();
	}
	const session = (title: string) => days.nth(2).locator('li.session', { hasText: title });
	const group = days.nth(2).locator('li.parallel');
	await expect(group.locator('li.session')).toHaveCount(2);

	// The plenary goes later with its parallel workshop; the garden visit takes their slot.
	await page.getByRole('button', { name: /Reculer « Plénière du soir/ }).click();
	await expect(session('Visite du jardin')).toContainText('17:00–18:00');
	await expect(session('Atelier des conteuses')).toContainText('18:00–19:00');
	await expect(session('Plénière du soir')).toContainText('18:00–20:00');
	await expect(group.locator('li.session')).toHaveCount(2);
	await expect(group).not.toContainText('Visite du jardin');
	await expect(page.locator('.warnings')).not.toContainText('Visite du jardin');

	// Onto the second day, the garden visit would lie over « Conte du soir »: refused, kept.
	const garden = session('Visite du jardin');
	await garden.locator('summary', { hasText: 'Modifier' }).click();
	const secondDay = await days.nth(1).getAttribute('data-day');
	await garden.getByLabel('Déplacer au').selectOption(secondDay!);
	await garden.getByRole('button', { name: 'Déplacer', exact: true }).click();
	await expect(garden.getByRole('alert')).toContainText('chevaucherait « Conte du soir »');
	await expect(garden.getByLabel('Déplacer au')).toHaveValue(secondDay!);
	await expect(garden).toContainText('17:00–18:00');
	await expect(days.nth(1).locator('li.session', { hasText: 'Visite du jardin' })).toHaveCount(0);

	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
	const plain = await context.newPage();
	await signIn(plain, ACCOUNTS.staff);
	await plain.goto('/visits/5/agenda');
	const noJs = plain
		.locator('section.agenda-day')
		.nth(2)
		.locator('li.session', { hasText: 'Visite du jardin' });
	await noJs.locator('summary', { hasText: 'Modifier' }).click();
	await noJs.getByRole('link', { name: 'Afficher le formulaire' }).click();
	await noJs.getByLabel('Déplacer au').selectOption(secondDay!);
	await noJs.getByRole('button', { name: 'Déplacer', exact: true }).click();
	await expect(noJs.getByRole('alert')).toContainText('chevaucherait « Conte du soir »');
	await expect(noJs.getByLabel('Déplacer au')).toHaveValue(secondDay!);
	await expect(noJs).toContainText('17:00–18:00');
	await context.close();
});
