// `npm start`: the production server (build/) with the defaults Passerelle needs. Uploads of
// lesson documents (up to 10 MB) need a larger request body than adapter-node's 512 KB default;
// an environment variable set by the operator still wins. This is the ceiling for the uploads
// only: every other form is held to a much smaller limit by the app (src/lib/server/http/body.ts).
import { setAssetHeaders } from './asset-headers.js';
import { fillOneClickOrigin } from './one-click.js';

process.env.BODY_SIZE_LIMIT ??= '12M';

const { server } = await import('../build/index.js');

// A listener put before adapter-node's gives the built assets the headers pages get; everything
// else (PORT, HOST, ORIGIN, ADDRESS_HEADER, graceful shutdown…) stays adapter-node's.
// (`server` is the polka instance build/index.js exports; `.server` its node:http server.)
if (server?.server) {
	server.server.prependListener('request', setAssetHeaders);
	server.server.prependListener('request', (req) => fillOneClickOrigin(req, process.env.ORIGIN));
} else {
	console.error('Passerelle: adapter-node changed; built assets are served without nosniff.');
}
