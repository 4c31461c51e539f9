// `npm start`: the production server (build/) with the defaults Passerelle needs. Uploads of
// lesson documents (up to 10 MB) need a larger request body than adapter-node's 512 KB default;
// an environment variable set by the operator still wins.
process.env.BODY_SIZE_LIMIT ??= '12M';
const { server } = await import('../build/index.js');

// adapter-node serves the built assets (/_app/…) with sirv before SvelteKit's handle hook runs,
// so they would miss the headers the hook gives every page (src/hooks.server.ts). A listener put
// before adapter-node's own sets them on every answer; the hook's values, the same, still win.
// Everything else (PORT, HOST, ORIGIN, ADDRESS_HEADER, graceful shutdown…) stays adapter-node's.
// (`server` is the polka instance build/index.js exports; `.server` its node:http server.)
if (server?.server) {
	server.server.prependListener('request', (_req, res) => {
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'same-origin');
	});
} else {
	console.error('Passerelle: adapter-node changed; built assets are served without nosniff.');
}
