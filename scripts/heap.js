// The V8 heap limits of the server. They are written once, in package.json's `start` script
// (`node --max-old-space-size=${NODE_MAX_OLD_SPACE_MB:-…} … scripts/start.js`): V8 sizes its heap
// when the process starts, so they can only be flags of the `node` command. The benchmark and the
// reliability harnesses start the server with the same flags, read from there.
import { readFileSync } from 'node:fs';

/** `--max-…=N` flags of `npm start`, with `${NAME:-default}` taken from `env`. */
export function serverNodeFlags(env = process.env) {
	const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
	return [...pkg.scripts.start.matchAll(/--max-[\w-]+=\S+/g)]
		.map(([flag]) =>
			flag.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name, fallback) => env[name] || fallback)
		)
		.filter((flag) => !flag.endsWith('=0'));
}
