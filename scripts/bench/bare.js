// The ceiling of this machine and stack: a bare node:http server that runs the SQL one visit page
// ran (recorded from the app with SQL_TRACE_FILE) and answers HTML of the same size. Run as a
// child process: node scripts/bench/bare.js <database> <sql-file> <bytes> <port>
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [database, sqlFile, bytes, port] = process.argv.slice(2);
const db = new Database(database, { readonly: true });
const statements = readFileSync(sqlFile, 'utf8')
	.split('\n;;\n')
	.map((s) => s.trim())
	.filter((s) => /^select/i.test(s))
	.map((s) => db.prepare(s));
const html = Buffer.from(`<!doctype html><html><body>${'x'.repeat(Number(bytes))}</body></html>`);

createServer((request, response) => {
	if (request.url === '/health') return response.end('ok');
	let rows = 0;
	for (const statement of statements) rows += statement.all().length;
	response.writeHead(200, {
		'content-type': 'text/html; charset=utf-8',
		'content-length': html.length,
		'x-rows': rows
	});
	response.end(html);
}).listen(Number(port), '127.0.0.1', () =>
	console.log(`bare server: ${statements.length} queries`)
);
