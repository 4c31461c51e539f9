// How long a response may live outside the server, decided in one place (the `headers` hook).
// Shared caches (proxies, the operator's CDN) never keep a page with someone's data: every such
// response is `private`. The pages of the offline kit may be kept on the person's own device and
// are revalidated when online (`no-cache`); everything else is `no-store`, which the service
// worker also honours: it never keeps a `no-store` response.
import { isKeepable, linkOwner, userOwner } from '$lib/offline/keepable';

export const KEEP_ON_DEVICE = 'private, no-cache';
export const NEVER_KEEP = 'private, no-store';

type Seen = {
	pathname: string;
	userId: number | null;
	/** What the route set itself: a download or an attachment chose its own policy. */
	current: string | null;
	status: number;
};

/** The Cache-Control a response leaves with, or null to leave it as the route set it. */
export function cacheControl({ pathname, userId, current, status }: Seen): string | null {
	if (current?.startsWith('private')) return current;
	const link = pathname.startsWith('/e/');
	if (userId === null && !link) return current;
	return status === 200 && isKeepable(pathname) ? KEEP_ON_DEVICE : NEVER_KEEP;
}

/** Whose device cache a kept copy belongs to (see OWNER_HEADER), or null for nobody. */
export async function ownerKey(pathname: string, userId: number | null): Promise<string | null> {
	const token = /^\/e\/([^/]+)$/.exec(pathname)?.[1];
	if (token) return linkOwner(token);
	return userId === null ? null : userOwner(userId);
}
