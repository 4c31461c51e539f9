// Renders the app icons of the web app manifest (static/icons/*.png) from their SVG sources with
// the test browser's Chromium, so the PNGs in the repository can always be made again:
//   node scripts/icons.js
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const ICONS = [
	{ svg: 'icon.svg', png: 'icon-192.png', size: 192 },
	{ svg: 'icon.svg', png: 'icon-512.png', size: 512 },
	// Full-bleed background, the drawing inside the central 80 % a launcher's mask keeps.
	{ svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
	{ svg: 'icon.svg', png: 'apple-touch-icon.png', size: 180 }
];

const browser = await chromium.launch({
	executablePath: findChromium().path,
	args: CHROMIUM_ARGS
});
const page = await browser.newPage();
for (const { svg, png, size } of ICONS) {
	const source = readFileSync(new URL(`../static/icons/${svg}`, import.meta.url), 'utf8');
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`
	);
	await page.locator('svg').screenshot({
		path: new URL(`../static/icons/${png}`, import.meta.url).pathname,
		omitBackground: true
	});
	console.log(`static/icons/${png} (${size}×${size})`);
}
await browser.close();
