import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from '../pages/session';

test.beforeEach(async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto('/visits');
});

// Other specs add visits to the shared demo database, so counts here are of what the demo seeds
// in years no other spec touches.
test('the visits list shows the seeded visits with host, dates and status', async ({ page }) => {
	await page.getByLabel('Année').selectOption('2024');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/year=2024/);
	await expect(page.locator('li.card').first()).toBeVisible();
	const card = page.locator('li.card', { hasText: 'Observer les classes préscolaires' });
	await expect(card).toContainText('Dispensaire Trottoir');
	await expect(card).toContainText('KEOOGO');
	await expect(card).toContainText('5–10 mai 2024');
	await expect(card).toContainText('Terminée');
});

test('the status filter narrows the list to the pending proposal', async ({ page }) => {
	await page.getByLabel('Statut').selectOption('proposed');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/status=proposed/);
	const cards = page.locator('li.card');
	await expect(cards.filter({ hasText: 'Découvrir la pédagogie préscolaire' })).toHaveCount(1);
	for (const card of await cards.all()) await expect(card).toContainText('Proposée');
});

test('filters combine: organisation, host country, my organisations, oldest first', async ({
	page
}) => {
	await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'RACINES' });
	await page.getByLabel("Pays d'accueil").selectOption({ label: 'Comores' });
	await page.getByLabel('Année').selectOption('2023');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/year=2023/);
	await expect(page.getByText('Visites : 1', { exact: true })).toBeVisible();
	await expect(page.locator('li.card')).toContainText('MAEECHA');
	await page.getByRole('link', { name: 'Tout afficher' }).click();
	// The filters are ticked on the unfiltered list, not on the page being left.
	await expect(page).toHaveURL(/\/visits$/);
	await page.getByLabel('Mes organisations').check();
	await page.getByLabel('Ordre').selectOption('oldest');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/mine=1/);
	await expect(page.locator('li.card').first()).toBeVisible();
	await expect(
		page.locator('li.card', { hasText: 'Découvrir la pédagogie préscolaire' })
	).toHaveCount(0);
	await page.goto('/visits?org=abc&year=99999&status=nope&page=-3');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visites');
});

test('a visit page shows its organisations and answers', async ({ page }) => {
	await page
		.getByRole('link', { name: 'Découvrir la pédagogie préscolaire du Dispensaire Trottoir' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Découvrir la pédagogie préscolaire du Dispensaire Trottoir'
	);
	await expect(page.getByText('Africa/Ouagadougou')).toBeVisible();
	const host = page.locator('ul.org-list').first();
	await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText(
		"Organisation d'accueil"
	);
	await expect(host).toContainText('Dispensaire Trottoir');
	await expect(host).toContainText('En attente de réponse');
	const visitors = page.locator('h3:text("Organisations visiteuses") + ul.org-list');
	await expect(visitors).toContainText('RACINES');
	await expect(visitors).toContainText('A accepté');
});

test('the Tangiers meeting lists its 19 organisations', async ({ page }) => {
	await page.getByRole('link', { name: /Communauté de pratiques/ }).click();
	await expect(page.getByRole('heading', { name: 'Organisations (19)' })).toBeVisible();
	await expect(page.locator('ul.org-list li')).toHaveCount(19);
	await expect(page.getByText('28 octobre – 2 novembre 2024')).toBeVisible();
	await expect(page.getByText('Participants attendus')).toBeVisible();
});

test('a visit that does not exist answers 404 with a page, not an error', async ({ page }) => {
	for (const path of ['/visits/999999', '/visits/abc', '/visits/0', '/visits/1e9']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(404);
		await expect(page.getByRole('link', { name: 'Retour aux visites' })).toBeVisible();
	}
});

test('the organisations directory shows country, city and themes', async ({ page }) => {
	await page.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
	await expect(page).toHaveURL(/\/organisations$/);
	// Exactly KEOOGO: visit titles such as "… de KEOOGO" are headings of other cards.
	const keoogo = page.locator('li.card', {
		has: page.getByRole('heading', { name: 'KEOOGO', exact: true })
	});
	await expect(keoogo).toContainText('Burkina Faso');
	await expect(keoogo).toContainText('Ouagadougou');
	await expect(keoogo).toContainText('Éducation préscolaire');
	await expect(page.locator('li.card', { hasText: 'Équipe du réseau' })).toContainText('PARTAGE');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the visits list pages forward and back by its links, which can be shared', async ({
		page
	}) => {
		// 23 drafts in a year no other spec uses, several on the same day (ties in the list's order).
		await page.goto('/visits/new');
		const ownId = await page.locator('input[name=ownId]').getAttribute('value');
		const partnerId = await page
			.locator('select[name=partnerId] option', { hasText: 'Dispensaire Trottoir' })
			.getAttribute('value');
		for (let i = 0; i < 23; i++) {
			const day = `2031-03-${String(10 + Math.floor(i / 4)).padStart(2, '0')}`;
			const res = await page.request.post('/visits/new', {
				form: {
					ownId: ownId!,
					direction: 'visit',
					partnerId: partnerId!,
					title: `Visite paginée ${i}`,
					startsOn: day,
					endsOn: day,
					intent: 'draft'
				},
				headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(res.status()).toBe(303);
		}
		await page.goto('/visits?year=2031&sort=oldest');
		const links = () =>
			page.locator('li.card h2 a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
		const first = await links();
		expect(first).toHaveLength(20);
		await expect(page.getByRole('link', { name: 'Page précédente' })).toHaveCount(0);
		await page.getByRole('link', { name: 'Page suivante' }).click();
		await expect(page).toHaveURL(/year=2031&sort=oldest&after=2031-03-\d\d_\d+$/);
		const second = await links();
		expect(second.length).toBeGreaterThanOrEqual(3);
		expect(second.filter((href) => first.includes(href))).toEqual([]);
		// The second page's address, opened afresh, shows the same page.
		await page.goto(page.url());
		expect(await links()).toEqual(second);
		await page.getByRole('link', { name: 'Page précédente' }).click();
		await expect(page).toHaveURL(/before=/);
		expect(await links()).toEqual(first);
		await expect(page.getByRole('link', { name: 'Page précédente' })).toHaveCount(0);
	});
});
