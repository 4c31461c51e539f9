// The offline kit's shared vocabulary: which pages may be kept on the device, and the headers the
// server and the service worker exchange about them. Read by the hooks (server) and the service
// worker (browser): no imports, no server code.

/** Pages a person may read offline once opened: a visit and what they need during it. */
const KEEPABLE: RegExp[] = [
	/^\/visits\/\d+$/,
	/^\/visits\/\d+\/agenda$/,
	/^\/visits\/\d+\/agenda\/print$/,
	/^\/visits\/\d+\/delegation$/,
	/^\/visits\/\d+\/evaluation\/sheet$/,
	/^\/visits\/\d+\/lessons$/,
	/^\/e\/[^/]+$/
];

export function isKeepable(pathname: string): boolean {
	return KEEPABLE.some((r) => r.test(pathname));
}

/** What "Keep for offline use" fetches for a visit: every kit page its reader may open. */
export function keptPagesOf(visitId: number, hasSheet: boolean): string[] {
	const base = `/visits/${visitId}`;
	const pages = [base, `${base}/agenda`, `${base}/agenda/print`, `${base}/delegation`];
	return [...pages, ...(hasSheet ? [`${base}/evaluation/sheet`] : []), `${base}/lessons`];
}

/** Private links carry their own credential: their pages are kept under the link, not a person. */
export function linkToken(pathname: string): string | null {
	return /^\/e\/([^/]+)$/.exec(pathname)?.[1] ?? null;
}

/**
 * On every page of a signed-in person and every private-link page: whose device cache a kept copy
 * goes to (an opaque hash, never the user id itself). Its absence means "nobody signed in".
 */
export const OWNER_HEADER = 'X-Passerelle-Owner';
/** Stamped by the service worker on the copies it keeps. */
export const SAVED_AT_HEADER = 'X-Passerelle-Saved-At';
export const TITLE_HEADER = 'X-Passerelle-Title';
export const VERSION_HEADER = 'X-Passerelle-Version';

/** The owner key of a private link: the same on the server and in the service worker. */
export async function linkOwner(token: string): Promise<string> {
	const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
	return 'e-' + hex(new Uint8Array(bytes)).slice(0, 32);
}

export async function userOwner(userId: number): Promise<string> {
	const bytes = await crypto.subtle.digest(
		'SHA-256',
		new TextEncoder().encode(`passerelle-offline:${userId}`)
	);
	return 'u-' + hex(new Uint8Array(bytes)).slice(0, 32);
}

function hex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The messages the pages send to the service worker (replies come through a MessagePort). */
export type KitMessage =
	{ type: 'keep'; urls: string[] } | { type: 'kept-list' } | { type: 'forget' };

export type KeepReply = { type: 'kept'; kept: number; failed: string[]; savedAt: string };
export type KeptListReply = {
	type: 'kept-list';
	pages: { url: string; title: string; savedAt: string }[];
};
