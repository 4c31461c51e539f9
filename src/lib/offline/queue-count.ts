// How many writes wait on this device, readable at once on any page without opening IndexedDB
// (the queue itself is lazy-loaded): a copy of the count is kept in localStorage by queue.ts.
// The sign-out warning reads `waitingCount()`.
import { writable } from 'svelte/store';

const FLAG = 'passerelle.queue';

export type QueueCount = {
	/** Writes not yet on the server: waiting for a connection, plus those needing a choice. */
	waiting: number;
	/** Writes the server refused (changed meanwhile, or bad input): the person must choose. */
	choose: number;
	/** The page of the first write needing a choice, to link to it. */
	page: string | null;
};

const none: QueueCount = { waiting: 0, choose: 0, page: null };

function stored(): QueueCount {
	try {
		const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(FLAG);
		return raw ? { ...none, ...JSON.parse(raw) } : none;
	} catch {
		return none;
	}
}

export const queueCount = writable<QueueCount>(none);

/** Reads the stored count into the store (on page load). */
export function loadCount(): QueueCount {
	const count = stored();
	queueCount.set(count);
	return count;
}

export function noteCount(count: QueueCount) {
	try {
		if (count.waiting) localStorage.setItem(FLAG, JSON.stringify(count));
		else localStorage.removeItem(FLAG);
	} catch {
		// Private mode without storage: the in-page count still works.
	}
	queueCount.set(count);
}

/** Writes on this device that are not on the server yet (0 when there is no queue). */
export function waitingCount(): number {
	return stored().waiting;
}

/** The sign-out warning's contract: browser-only, never throws, 0 when there is no queue. */
export async function queuedWrites(): Promise<number> {
	return waitingCount();
}
