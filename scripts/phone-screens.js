// Phone screenshots of the pages people read on a phone, in the four languages, for a person to
// look at (the header, the menu opened, the tables shown as cards). Against a running server with
// the demo network, e.g. `E2E_PORT=4310 node scripts/e2e-server.js` in another shell:
//   node scripts/phone-screens.js [baseURL] [outDir] [locales] [paths]
// e.g. node scripts/phone-screens.js http://127.0.0.1:4310 test-results/phone fr,ar /actions,/dashboard
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const [base = 'http://127.0.0.1:4310', out = 'test-results/phone'] = process.argv.slice(2);
const locales = (process.argv[4] ?? 'fr,en,es,ar').split(',');
const PATHS = (
	process.argv[5] ??
	'/,/actions,/actions?overdue=1,/visits/1/actions,/visits/1/report,/evaluations,/dashboard,' +
		'/visits/1/delegation,/visits,/lessons,/peers?q=lecture,/peers/suggestions,/admin,' +
		'/admin/organisations,/admin/audit,/network,/visits/1/evaluation'
).split(',');
const WIDTH = Number(process.env.WIDTH ?? 390);

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium().path, args: CHROMIUM_ARGS });
const context = await browser.newContext({
	viewport: { width: WIDTH, height: 844 },
	baseURL: base,
	locale: 'fr-FR'
});
const page = await context.newPage();
await page.goto('/login');
await page.getByLabel('Adresse e-mail').fill(process.env.ACCOUNT ?? 'staff@partage.example.org');
await page.getByLabel('Mot de passe').fill('passerelle-demo');
await page.getByRole('button', { name: 'Se connecter' }).click();
await page.waitForURL(/\/$/);
const origin = new URL(page.url()).origin;
for (const locale of locales) {
	await page.request.post('/language', {
		form: { locale, redirectTo: '/' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	for (const path of PATHS) {
		await page.goto(path);
		const name = path.replace(/[/?=&]+/g, '_').replace(/^_/, '') || 'home';
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		if (overflow > 0) console.log(`${locale} ${path}: ${overflow}px too wide`);
		// SELECTOR=… takes only that part of the page (e.g. one table), readable at full size.
		const part = process.env.SELECTOR && page.locator(process.env.SELECTOR).first();
		if (part && (await part.count()))
			await part.screenshot({ path: `${out}/${locale}-${name}.png` });
		else await page.screenshot({ path: `${out}/${locale}-${name}.png`, fullPage: true });
	}
	await page.goto('/visits');
	const menu = page.locator('details.menu > summary');
	if (await menu.isVisible()) {
		await menu.click();
		await page.screenshot({ path: `${out}/${locale}-menu-open.png` });
	}
}
await page.request.post('/language', {
	form: { locale: 'fr', redirectTo: '/' },
	headers: { Origin: origin, Accept: 'text/html' },
	maxRedirects: 0
});
await browser.close();
