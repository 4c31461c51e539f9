// `npm run demo`: the production build on a demo database of its own (data/demo.db, never the
// one DATABASE_PATH names), reachable at http://localhost:PORT and http://127.0.0.1:PORT.
// `npm run demo -- --reset` starts again from a fresh demo network.
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildIfNeeded } from './build-if-needed.js';
import { setAssetHeaders } from './asset-headers.js';
import { fillOneClickOrigin } from './one-click.js';

const port = Number(process.env.PORT || 3000);
const database = resolve(process.env.DEMO_DATABASE_PATH || 'data/demo.db');

buildIfNeeded();
if (process.argv.includes('--reset')) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
}

process.env.DATABASE_PATH = database;
process.env.DEMO_DATA = '1';
// No fixed ORIGIN: the origin follows the Host header, so both localhost and 127.0.0.1 pass
// SvelteKit's cross-site form check. The protocol comes from a header this server sets itself.
delete process.env.ORIGIN;
process.env.PROTOCOL_HEADER = 'x-passerelle-proto';
// As npm start: room for document uploads, other forms are limited by the app (scripts/start.js).
process.env.BODY_SIZE_LIMIT ??= '12M';

const { handler } = await import(resolve('build/handler.js'));
const onRequest = (req, res) => {
	req.headers['x-passerelle-proto'] = 'http';
	setAssetHeaders(req, res);
	fillOneClickOrigin(req, `http://${req.headers.host}`);
	handler(req, res);
};

/** @param {string} host */
function listen(host) {
	return new Promise((done, fail) => {
		const server = createServer(onRequest);
		server.once('error', fail);
		server.listen(port, host, () => done(server));
	});
}

// Loopback only, IPv4 and IPv6: a demo with published passwords stays on this machine.
try {
	await listen('127.0.0.1');
} catch (err) {
	console.error(`Cannot listen on 127.0.0.1:${port}: ${err.message}`);
	process.exit(1);
}
await listen('::1').catch(() => {}); // no IPv6 loopback on this machine: 127.0.0.1 serves

console.log(`
Passerelle demo is running: http://localhost:${port}
Demo database: ${database}

Demo accounts (password: passerelle-demo)
  staff@partage.example.org                    network staff (PARTAGE)
  coordinator@keoogo.example.org               KEOOGO coordinator
  coordinator@dispensaire-trottoir.example.org Dispensaire Trottoir coordinator
  coordinator@racines.example.org              RACINES coordinator
  member@keoogo.example.org                    KEOOGO member

Delegates' private evaluation links: signed in as staff, /admin/outbox (see the README).

Stop with Ctrl+C.`);
