// `node scripts/complete-lockfile.js`, after `npm install` changed dependencies: lists in
// package-lock.json the other platforms' optional packages that the registry reachable here does
// not serve (e.g. @flydotio/litestream-darwin-arm64, @lix-js/sdk-win32-x64 at the locked
// version). npm leaves them out when it cannot fetch their manifests, and `npm ci` then refuses
// the lockfile as out of sync with package.json. Each is added with its version, os and cpu (read
// from its name) and no integrity: npm skips it on other platforms and, on its own platform,
// fetches it from the registry, an optional package that fails to come being no error.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'package-lock.json';
const PLATFORM = /-(darwin|linux|win32|freebsd|openbsd|android|sunos|aix)-(x64|arm64|ia32|arm)\b/;

const lock = JSON.parse(readFileSync(FILE, 'utf8'));
const packages = lock.packages;

/** Where Node would find `name` from the package at `path`: its own folder, then upwards. */
function resolves(path, name) {
	for (let at = path; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
		if (packages[`${at ? `${at}/` : ''}node_modules/${name}`]) return true;
		if (!at) return false;
	}
}

const added = [];
for (const [path, node] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(node.optionalDependencies ?? {})) {
		if (resolves(path, name)) continue;
		const platform = PLATFORM.exec(name);
		if (!platform) {
			console.warn(`${name}@${version} (optional, for ${path || 'the app'}) is missing: not added`);
			continue;
		}
		const at = `${path.slice(0, path.lastIndexOf('node_modules/'))}node_modules/${name}`;
		packages[at] = {
			version,
			cpu: [platform[2]],
			...(node.dev ? { dev: true } : {}),
			optional: true,
			os: [platform[1]]
		};
		added.push(`${name}@${version}`);
	}
}

// npm writes the packages sorted by path, the root ('') first.
lock.packages = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en')
	)
);
writeFileSync(FILE, `${JSON.stringify(lock, null, '\t')}\n`);
console.log(added.length ? `Added:\n  ${added.join('\n  ')}` : 'Nothing missing.');
