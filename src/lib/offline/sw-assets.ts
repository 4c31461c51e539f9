// Which asset caches a newly activated service worker deletes: the update policy in one pure
// function (docs/architecture.md, "Offline kit", Updates).

export const ASSETS_PREFIX = 'assets-';

/**
 * Every `assets-<version>` cache but the current version's, the previous version's (a tab opened
 * before the update still loads its lazy chunks from it) and those of versions a kept page was
 * saved with (that page must still open styled and working offline).
 */
export function staleAssetCaches(
	names: string[],
	current: string,
	previous: string | null,
	inUse: Set<string>
): string[] {
	return names.filter((name) => {
		if (!name.startsWith(ASSETS_PREFIX)) return false;
		const version = name.slice(ASSETS_PREFIX.length);
		return version !== current && version !== previous && !inUse.has(version);
	});
}

/** The versions this device has run, oldest first, with `current` last (at most five). */
export function withVersion(seen: string[], current: string): string[] {
	return [...seen.filter((v) => v !== current), current].slice(-5);
}
