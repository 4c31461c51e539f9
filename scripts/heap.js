// The V8 heap limits of the server. They are written once, in package.json's `start` script
// (`node --max-old-space-size=${NODE_MAX_OLD_SPACE_MB:-…} … scripts/start.js`): V8 sizes its heap
// when the process starts, so they can only be flags of the `node` command. The benchmark and the
// reliability harnesses start the server with the same flags, read from there.
// The script also sets MALLOC_ARENA_MAX: glibc gives each thread that allocates (the reader
// thread, libuv's pool, V8's helpers) its own arena, and with the default (8 per core) the
// server's resident memory under 50 connections was 60-90 MB higher at the same heap (measured:
// peak 321 MB with the default, 233 MB with 2, bench/RESULTS.md).
import { readFileSync } from 'node:fs';

const startScript = () =>
	JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start;
const withDefaults = (text, env) =>
	text.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name, fallback) => env[name] || fallback);

/** `--max-…=N` flags of `npm start`, with `${NAME:-default}` taken from `env`. */
export function serverNodeFlags(env = process.env) {
	return [...startScript().matchAll(/--max-[\w-]+=\S+/g)]
		.map(([flag]) => withDefaults(flag, env))
		.filter((flag) => !flag.endsWith('=0'));
}

/** The variables `npm start` sets before `node` (NAME=${NAME:-default}), as `env` resolves them. */
export function serverEnv(env = process.env) {
	const prefix = /^((?:\w+=\S+\s+)*)node\b/.exec(startScript())?.[1] ?? '';
	return Object.fromEntries(
		[...prefix.matchAll(/(\w+)=(\S+)/g)].map(([, name, value]) => [name, withDefaults(value, env)])
	);
}
