// adapter-node serves the built assets (/_app/…) with sirv before SvelteKit's handle hook runs,
// so they would miss the headers the hook gives every page (src/hooks.server.ts). Every server
// script (npm start, npm run demo) sets these first on each answer; the hook's values, the same,
// still win for pages.
export function setAssetHeaders(_req, res) {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Referrer-Policy', 'same-origin');
}
