// Sending a form's write to its SvelteKit action by fetch, as `use:enhance` does, with a timeout:
// on a bus a request may hang for minutes. No answer (offline, timeout, network error) is `null`:
// the write stays queued. Any answer is final for this attempt.
import { deserialize } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';
import { allWrites, drop, keep, type QueuedWrite } from './queue';

export const TIMEOUT_MS = 20_000;

export async function post(url: string, fields: [string, string][]): Promise<ActionResult | null> {
	// Urlencoded, as use:enhance sends a form without files: smaller than multipart.
	const body = new URLSearchParams(fields);
	try {
		const response = await fetch(url, {
			method: 'POST',
			body,
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		const text = await response.text();
		// A service worker's offline answer, a proxy's error page: not the action's answer.
		try {
			const result: ActionResult = deserialize(text);
			// The serialised error carries no status: the response's, as use:enhance does.
			if (result.type === 'error') result.status = response.status;
			return result;
		} catch {
			return response.ok ? null : { type: 'error', status: response.status, error: text };
		}
	} catch {
		return null;
	}
}

let running: Promise<QueuedWrite[]> | undefined;

/**
 * Sends every waiting write, oldest first, once at a time (the page load and the `online` event
 * may both ask). Stops at the first one without an answer. Returns the writes that got an answer.
 */
export function flush(): Promise<QueuedWrite[]> {
	return (running ??= sendAll().finally(() => (running = undefined)));
}

async function sendAll() {
	const answered: QueuedWrite[] = [];
	for (const write of await allWrites()) {
		if (write.state !== 'waiting') continue;
		const result = await post(write.url, write.fields);
		// No answer, or the server is down for a moment (a restart behind the proxy): try later.
		if (!result || (result.type === 'error' && (result.status ?? 500) >= 500)) break;
		answered.push(write);
		if (result.type === 'success' || result.type === 'redirect') await drop(write.key);
		else
			await keep(
				{
					...write,
					state: 'choose',
					status: result.status,
					data: result.type === 'failure' ? (result.data ?? {}) : {}
				},
				false
			);
	}
	if (answered.length) dispatchEvent(new CustomEvent('passerelle:queue'));
	return answered;
}
