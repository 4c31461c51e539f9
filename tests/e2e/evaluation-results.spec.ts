import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';
import { DEMO_EVALUATION } from '../../src/lib/server/demo/evaluation-data';

// The results of the demo RACINES → MAEECHA evaluation (demo visit 2): three sheets submitted
// (two RACINES, one MAEECHA) and one MAEECHA draft that must never count. The expected figures
// are computed here from the seeded sheets, not copied from the page.
const VISIT = 2;
const RESULTS = `/visits/${VISIT}/evaluation/results`;
const RACINES = 'coordinator@racines.example.org';
const SCREENS = '/tmp/evb';

const submitted = (organisation?: string) =>
	DEMO_EVALUATION.sheets.filter(
		(s) => s.submittedOn !== null && (!organisation || s.organisation === organisation)
	);
const values = (code: string, organisation?: string) =>
	submitted(organisation)
		.map((s) => (s.answers as Record<string, number | string>)[code])
		.filter((v): v is number => typeof v === 'number');
/** "Moyenne 4,3 sur 5, réponses : 3", as the chart's caption and accessible name say it. */
function summary(code: string, organisation?: string) {
	const v = values(code, organisation);
	const mean = (v.reduce((a, b) => a + b, 0) / v.length).toFixed(1).replace('.', ',');
	return `Moyenne ${mean} sur 5, réponses : ${v.length}`;
}
const chart = (page: Page, position: number) =>
	page.locator('section.question').filter({ has: page.locator(`#q-${position}`) });

function parseCsv(text: string) {
	// Enough for what we wrote: quoted cells may hold commas; no line breaks in the demo answers.
	return text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n')
		.map((line) =>
			[...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
				.slice(0, -1)
				.map(([, cell]) => cell.replace(/^"|"$/g, '').replaceAll('""', '"'))
		);
}

test('a RACINES member reads the results: means, shares, open answers, filter, CSV', async ({
	page
}) => {
	await signIn(page, RACINES);
	await page.goto(`/visits/${VISIT}`);
	await expect(page.getByRole('link', { name: "Résultats de l'évaluation" })).toBeVisible();
	await page.goto(`/visits/${VISIT}/report`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('lecture plaisir');
	// The report's summary: rate, the two rating means, a link to the results.
	const report = page.locator('section[aria-labelledby="r-evaluation"]');
	await expect(report).toContainText('Fiches soumises : 3 sur 4 (75 %)');
	const overallMean = summary('overall').match(/\d,\d/)![0];
	await expect(report.getByRole('row', { name: /note globale/ })).toContainText(overallMean);
	await report.getByRole('link', { name: "Voir les résultats de l'évaluation" }).click();
	await expect(page).toHaveURL(new RegExp(`${RESULTS}$`));

	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Résultats de l'évaluation");
	await expect(page.getByText('Fiches soumises : 3 sur 4 (75 %)')).toBeVisible();
	// Rating charts: SVG images named by their summary, which the caption repeats.
	const objectives = chart(page, 1);
	await expect(objectives.getByRole('img')).toHaveAccessibleName(summary('objectives'));
	await expect(objectives.locator('figcaption')).toHaveText(summary('objectives'));
	await expect(chart(page, 8).getByRole('img')).toHaveAccessibleName(summary('overall'));
	// Yes/no: everyone wants a follow-up; choice: one vote each for three parts.
	await expect(chart(page, 6).getByRole('row', { name: /Oui/ })).toContainText('3 (100 %)');
	await expect(chart(page, 7).getByRole('row', { name: /Les séances de bilan/ })).toContainText(
		'1 (33 %)'
	);
	// Open answers with who wrote them; the draft's unfinished sentence appears nowhere.
	await expect(chart(page, 2).locator('li')).toHaveCount(3);
	await expect(chart(page, 2)).toContainText('— Youssouf Dainane (MAEECHA)');
	await expect(page.getByText('La visite des C2L avec')).toHaveCount(0);

	// Filter by organisation (a plain GET form): MAEECHA's single sheet.
	await page.getByLabel('Organisation des répondants').selectOption({ label: 'MAEECHA (1 sur 2)' });
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/\?org=\d+$/);
	await expect(page.getByText('Fiches soumises : 1 sur 2 (50 %)')).toBeVisible();
	await expect(page.getByText('Fiches de MAEECHA seulement.')).toBeVisible();
	await expect(chart(page, 1).getByRole('img')).toHaveAccessibleName(
		summary('objectives', 'MAEECHA')
	);
	await expect(chart(page, 2).locator('li')).toHaveCount(1);

	// The CSV follows the filter: here MAEECHA only, then everything.
	const filteredCsv = await page.getByRole('link', { name: 'Exporter les réponses (CSV)' });
	const maeechaRows = parseCsv(
		await (await page.request.get((await filteredCsv.getAttribute('href'))!)).text()
	);
	expect(maeechaRows.slice(1).map((r) => r[0])).toEqual(['Youssouf Dainane']);

	const res = await page.request.get(`${RESULTS}.csv`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/csv');
	const rows = parseCsv(await res.text());
	expect(rows[0].slice(0, 3)).toEqual(['Répondant', 'Organisation', 'Soumise le']);
	expect(rows[0]).toHaveLength(3 + 8);
	expect(rows[0][3 + 7]).toBe('8. Quelle note globale donnez-vous à cette visite ?');
	const expected = submitted()
		.map((s) => [s.delegate, s.organisation, s.submittedOn ?? '', String(s.answers.overall)])
		.sort((a, b) => a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
	expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3 + 7]])).toEqual(expected);
	const tobias = rows.find((r) => r[0] === 'Tobias Gbaguidi')!;
	expect(tobias[3 + 5]).toBe('Oui');
	expect(tobias[3 + 1]).toBe(DEMO_EVALUATION.sheets[0].answers.useful_activity);

	// The workbook beside it has the same rows, the ratings as numbers and the days as dates.
	const link = page.getByRole('link', { name: 'Réponses en Excel (.xlsx)' });
	expect(await link.getAttribute('href')).toBe(
		(await filteredCsv.getAttribute('href'))!.replace('.csv', '.xlsx')
	);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(
		(await (await page.request.get(`${RESULTS}.xlsx`)).body()) as unknown as ExcelJS.Buffer
	);
	const sheet = workbook.worksheets[0];
	const cells = sheet.getSheetValues().slice(2) as ExcelJS.CellValue[][];
	expect(cells.map((r) => [r[1], r[2], r[4 + 7]])).toEqual(
		expected.map(([name, org, , overall]) => [name, org, Number(overall)])
	);
	expect(cells.map((r) => (r[3] as Date).toISOString().slice(0, 10))).toEqual(
		expected.map((r) => r[2])
	);
});

test('another organisation gets 404; staff compare visits on /evaluations', async ({
	page,
	browser
}) => {
	await signIn(page, ACCOUNTS.keoogoCoordinator);
	await page.goto(`/visits/${VISIT}`);
	await expect(page.getByRole('link', { name: "Résultats de l'évaluation" })).toHaveCount(0);
	expect((await page.goto(RESULTS))?.status()).toBe(404);
	expect((await page.request.get(`${RESULTS}.csv`)).status()).toBe(404);
	expect((await page.request.get(`${RESULTS}.xlsx`)).status()).toBe(404);
	expect((await page.goto('/evaluations'))?.status()).toBe(404);
	await page.goto(`/visits/${VISIT}/report`);
	await expect(page.locator('section[aria-labelledby="r-evaluation"]')).toContainText(
		"Les résultats de l'évaluation sont réservés aux organisations de la visite"
	);
	await expect(page.getByRole('link', { name: 'Évaluations' })).toHaveCount(0);

	const staff = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
	await signIn(staff, ACCOUNTS.staff);
	expect((await staff.goto(RESULTS))?.status()).toBe(200);
	await staff
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Évaluations' })
		.click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Évaluations des visites');
	const row = staff.getByRole('row', { name: /lecture plaisir/ });
	const overall = values('overall');
	const mean = (overall.reduce((a, b) => a + b, 0) / overall.length).toFixed(1).replace('.', ',');
	await expect(row).toContainText(mean);
	await expect(row).toContainText('75 %');
	// The Tangiers meeting took place and nobody evaluated it.
	await expect(staff.locator('section[aria-labelledby="missing"]')).toContainText(
		'Communauté de pratiques et de savoirs'
	);
	await staff.screenshot({ path: `${SCREENS}/evaluations-fr.png`, fullPage: true });
	// Garbled filters and pages are ignored, never an error.
	for (const url of [
		`${RESULTS}?org=abc`,
		`${RESULTS}?org=-1`,
		`${RESULTS}?org=99999999999999999999`,
		`${RESULTS}.csv?org=%00`,
		'/evaluations?page=0&hosts=abc&missing=99999',
		'/evaluations?page=1e9'
	]) {
		expect((await staff.request.get(url)).status(), url).toBe(200);
	}
	expect((await staff.request.get('/visits/999999/evaluation/results')).status()).toBe(404);
	// A visit nobody evaluated says so.
	await staff.goto('/visits/4/evaluation/results');
	await expect(
		staff.getByText("L'évaluation de cette visite n'a pas encore été ouverte.")
	).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the charts are in the page and the filter works as a plain form', async ({ page }) => {
		await signIn(page, RACINES);
		await page.goto(RESULTS);
		await expect(page.locator('svg[role="img"]')).toHaveCount(2);
		await expect(page.locator('svg[role="img"] rect.chart-bar').first()).toBeVisible();
		await page
			.getByLabel('Organisation des répondants')
			.selectOption({ label: 'RACINES (2 sur 2)' });
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await expect(chart(page, 8).getByRole('img')).toHaveAccessibleName(
			summary('overall', 'RACINES')
		);
		await expect(page.getByRole('button', { name: 'Imprimer' })).toHaveCount(0);
	});
});

test('screens: French, Arabic, phone and print', async ({ page }) => {
	await signIn(page, RACINES);
	await page.goto(RESULTS);
	await page.screenshot({ path: `${SCREENS}/results-fr.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SCREENS}/results-fr-phone.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.app-header')).toBeHidden();
	await expect(page.locator('form.filters')).toBeHidden();
	await expect(page.locator('svg[role="img"]').first()).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/results-fr-print.png`, fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	await setLanguage(page, 'ar');
	try {
		await page.goto(RESULTS);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('نتائج التقييم');
		await page.screenshot({ path: `${SCREENS}/results-ar.png`, fullPage: true });
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({ path: `${SCREENS}/results-ar-print.png`, fullPage: true });
		await page.emulateMedia({ media: 'screen' });
		await page.goto(`/visits/${VISIT}/report`);
		await page.screenshot({ path: `${SCREENS}/report-ar.png`, fullPage: true });
	} finally {
		await setLanguage(page, 'fr');
	}
});

test('axe finds no serious violation on the results and /evaluations, in French and Arabic', async ({
	page
}) => {
	// Six axe runs: close to the 30 s budget on a busy machine, and the demo's list keeps growing.
	test.slow();
	await signIn(page, ACCOUNTS.staff);
	const found: Record<string, string[]> = {};
	try {
		for (const locale of ['fr', 'ar'] as const) {
			await setLanguage(page, locale);
			for (const path of [RESULTS, '/evaluations', `/visits/${VISIT}/report`]) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				const { violations } = await new AxeBuilder({ page }).analyze();
				found[`${locale} ${path}`] = violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
			}
		}
	} finally {
		await setLanguage(page, 'fr');
	}
	expect(Object.values(found).flat()).toEqual([]);
});
