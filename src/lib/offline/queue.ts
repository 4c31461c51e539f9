// The writes kept on this device until the server has them: IndexedDB (via idb), so they survive
// reloads and browser restarts. One record per write, keyed by its idempotency key.
import { openDB } from 'idb';
import { noteCount } from './queue-count';

export type QueuedWrite = {
	/** The idempotency key the server remembers: sending again never writes twice. */
	key: string;
	/** Where the form posts, e.g. `/e/abc…?/submit`. */
	url: string;
	/** The page the form is on, to show the write there again. */
	page: string;
	/** Which form of the page: its own `action` attribute (a button may post elsewhere). */
	form: string;
	fields: [string, string][];
	at: number;
	state: 'waiting' | 'choose';
	/** The server's refusal (status and the form's failure data) when state is `choose`. */
	status?: number;
	data?: Record<string, unknown>;
};

const STORE = 'writes';
let opened: ReturnType<typeof open> | undefined;
function open() {
	return openDB('passerelle-queue', 1, {
		upgrade(db) {
			db.createObjectStore(STORE, { keyPath: 'key' });
		}
	});
}
const db = () => (opened ??= open());

export async function allWrites(): Promise<QueuedWrite[]> {
	const rows: QueuedWrite[] = await (await db()).getAll(STORE);
	return rows.sort((a, b) => a.at - b.at);
}

async function recount() {
	const rows = await allWrites();
	const choose = rows.filter((r) => r.state === 'choose');
	noteCount({ waiting: rows.length, choose: choose.length, page: choose[0]?.page ?? null });
}

/**
 * Keeps a write. With `replace`, a newer write of the same form (a sheet saved twice offline)
 * takes the place of the older one: the form holds the whole record, the last state is the one.
 */
export async function keep(write: QueuedWrite, replace: boolean) {
	const handle = await db();
	if (replace)
		for (const old of await writesOf(write.page, write.form)) await handle.delete(STORE, old.key);
	await handle.put(STORE, write);
	await recount();
}

export async function drop(key: string) {
	await (await db()).delete(STORE, key);
	await recount();
}

/** The writes of one form of a page. */
export async function writesOf(page: string, form: string) {
	return (await allWrites()).filter((w) => w.page === page && w.form === form);
}
