import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

// A 390 × 844 phone: the header is one row with a menu, and the lists that were wide tables are
// cards, with nothing to scroll sideways; on a laptop the header shows its links and the tables
// stay tables.
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const MENU = { fr: 'Menu', es: 'Menú', ar: 'القائمة' } as const;
const WIDE_PAGES = [
	'/actions',
	'/actions?overdue=1',
	'/visits/1/actions',
	'/visits/1/report',
	'/evaluations',
	'/dashboard',
	'/visits/1/delegation',
	'/admin',
	'/admin/organisations',
	'/admin/audit',
	'/visits/2/evaluation'
];

test.use({ viewport: PHONE });
// The language is saved on the shared demo accounts: French again, even after a failure.
test.afterEach(async ({ page }) => {
	if (page.url().startsWith('http')) await setLanguage(page, 'fr');
});

const header = (page: Page) => page.locator('header.app-header');
const menuButton = (page: Page) => header(page).locator('details.menu > summary');

for (const [who, email] of [
	['a coordinator', ACCOUNTS.dtCoordinator],
	['staff', ACCOUNTS.staff]
] as const) {
	test(`the header is one row of at most 64 px for ${who}, in French, Spanish and Arabic`, async ({
		page
	}) => {
		await signIn(page, email);
		for (const locale of ['fr', 'es', 'ar'] as const) {
			await setLanguage(page, locale);
			await page.goto('/visits');
			const box = (await header(page).boundingBox())!;
			expect(box.height, `header in ${locale}`).toBeLessThanOrEqual(64);
			expect(box.height).toBeGreaterThanOrEqual(56);
			await expect(header(page).getByRole('link', { name: 'Passerelle' })).toBeVisible();
			await expect(menuButton(page)).toHaveText(MENU[locale]);
			await expect(menuButton(page)).toBeVisible();
			// The links, the language and sign-out wait in the menu.
			await expect(header(page).getByRole('navigation')).toBeHidden();
			await expect(header(page).locator('details.language')).toBeHidden();
			// The bell, with its count in the row when there is one (other specs may have read the
			// demo's notifications by now).
			const bell = header(page).locator('a.notif-link');
			await expect(bell).toBeInViewport();
			for (const count of await bell.locator('.count').all()) await expect(count).toBeInViewport();
			// Mirrored in Arabic: the name on the right, the menu on the left.
			const brand = (await header(page).locator('.brand').boundingBox())!;
			const menu = (await menuButton(page).boundingBox())!;
			if (locale === 'ar') expect(brand.x).toBeGreaterThan(menu.x);
			else expect(brand.x).toBeLessThan(menu.x);
		}
	});
}

test('the menu opens, its links work, and it closes on Escape and after a link', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	const summary = menuButton(page);
	await expect(summary).toHaveAttribute('aria-expanded', 'false');
	await summary.click();
	await expect(summary).toHaveAttribute('aria-expanded', 'true');
	const nav = header(page).getByRole('navigation', { name: 'Navigation principale' });
	await expect(nav).toBeVisible();
	// Escape closes it and leaves the focus on its button.
	await nav.getByRole('link', { name: 'Visites' }).focus();
	await page.keyboard.press('Escape');
	await expect(nav).toBeHidden();
	await expect(summary).toBeFocused();
	await expect(summary).toHaveAttribute('aria-expanded', 'false');

	await page.keyboard.press('Enter');
	await nav.getByRole('link', { name: 'Actions' }).click();
	await expect(page).toHaveURL(/\/actions$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actions de suivi');
	await expect(nav).toBeHidden();
	await expect(summary).toHaveAttribute('aria-expanded', 'false');

	// A tap outside (the page's margin below the panel) closes it too.
	await summary.click();
	await expect(nav).toBeVisible();
	await page.mouse.click(4, PHONE.height - 10);
	await expect(nav).toBeHidden();

	// The language, from the menu.
	await summary.click();
	await header(page).locator('details.language summary').click();
	await header(page).getByRole('button', { name: 'Español' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(menuButton(page)).toHaveText('Menú');
});

test('without JavaScript the menu opens, its links, language and sign-out work', async ({
	browser
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: PHONE,
		locale: 'fr-FR'
	});
	const page = await context.newPage();
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	const nav = header(page).getByRole('navigation');
	await expect(nav).toBeHidden();
	await menuButton(page).click();
	await expect(nav).toBeVisible();
	await nav.getByRole('link', { name: 'Enseignements' }).click();
	await expect(page).toHaveURL(/\/lessons$/);
	// A new page: the menu is closed again.
	await expect(nav).toBeHidden();

	await menuButton(page).click();
	await header(page).locator('details.language summary').click();
	await header(page).getByRole('button', { name: 'العربية' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page).toHaveURL(/\/lessons$/);
	await menuButton(page).click();
	await header(page).locator('details.language summary').click();
	await header(page).getByRole('button', { name: 'Français' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

	await menuButton(page).click();
	await header(page).getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await context.close();
});

for (const locale of ['fr', 'ar'] as const) {
	test(`the wide lists are cards with nothing off screen, in ${locale}`, async ({ page }) => {
		await signIn(page, ACCOUNTS.staff);
		await setLanguage(page, locale);
		for (const path of WIDE_PAGES) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(200);
			const sideways = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth - window.innerWidth,
				// A table in a scrolling box hides its last columns without making the page wider.
				boxes: [...document.querySelectorAll('main table, main .table-scroll')]
					.map((el) => el.scrollWidth - el.clientWidth)
					.filter((extra) => extra > 0).length
			}));
			expect(sideways, `${path} in ${locale}`).toEqual({ page: 0, boxes: 0 });
		}

		// An overdue action's card: its title, owner, due date, overdue flag and status in view.
		await page.goto('/actions?overdue=1');
		const card = page.locator('table.actions tbody tr').first();
		const late = { fr: 'En retard', ar: 'متأخر' }[locale];
		for (const cell of await card.locator('td, th').all()) await expect(cell).toBeInViewport();
		await expect(card.locator('td.late')).toContainText(late);
		// Each value shows its column's name, drawn from data-label.
		const due = card.locator('td.late');
		const shown = await due.evaluate((td) => getComputedStyle(td, '::before').content);
		expect(shown).toContain({ fr: 'Échéance', ar: 'تاريخ الاستحقاق' }[locale]);
	});
}

test('on a laptop the header shows its links and the tables stay tables', async ({ page }) => {
	await page.setViewportSize(LAPTOP);
	await signIn(page, ACCOUNTS.staff);
	await expect(menuButton(page)).toBeHidden();
	const nav = header(page).getByRole('navigation', { name: 'Navigation principale' });
	await expect(nav.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
	await expect(header(page).getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
	for (const path of ['/actions', '/evaluations', '/dashboard', '/admin/audit']) {
		await page.goto(path);
		const table = page.locator('table.stack').first();
		await expect(table.locator('thead')).toBeVisible();
		expect(
			await table
				.locator('tbody tr')
				.first()
				.evaluate((tr) => getComputedStyle(tr).display)
		).toBe('table-row');
	}
	await nav.getByRole('link', { name: 'Actions' }).click();
	await expect(page).toHaveURL(/\/actions$/);
});

test('the audit log names what happened in words, in each language', async ({ page }) => {
	await signIn(page, ACCOUNTS.staff);
	const words = {
		fr: 'Proposition envoyée',
		en: 'Proposal sent',
		es: 'Propuesta enviada',
		ar: 'إرسال المقترح'
	} as const;
	for (const [locale, proposed] of Object.entries(words)) {
		await setLanguage(page, locale as 'fr');
		// Filtered to proposals: the living demo's newer events fill the first page.
		await page.goto('/admin/audit?action=proposed');
		const actions = page.locator('table tbody td:nth-child(4)');
		await expect(actions.filter({ hasText: proposed }).first()).toBeVisible();
		const codes = (await actions.allTextContents()).map((t) => t.trim());
		expect(codes).not.toContain('proposed');
		// The filter offers the same words.
		const options = await page.locator('select[name="action"] option').allTextContents();
		expect(options.map((o) => o.trim())).toContain(proposed);
	}
});

test('the opened menu meets WCAG 2.2 AA for axe, in French and Arabic', async ({ page }) => {
	await signIn(page, ACCOUNTS.dtCoordinator);
	for (const locale of ['fr', 'ar'] as const) {
		await setLanguage(page, locale);
		await page.goto('/visits');
		await menuButton(page).click();
		await header(page).locator('details.language summary').click();
		const { violations } = await new AxeBuilder({ page })
			.include('header.app-header')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual(
			[]
		);
	}
});
