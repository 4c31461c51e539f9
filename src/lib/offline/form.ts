// A form whose write may be queued on the device: `use:enhance={queued(...)}`. It is sent at once
// when the device is online; with no answer (offline, timeout, network error) it is kept in the
// queue and sent later, exactly once thanks to its `_key`. Without JavaScript none of this runs:
// the form posts as any other, and the server's key still stops a double submit.
import { applyAction } from '$app/forms';
import { goto, invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';
import type { QueuedWrite } from './queue';

/** `loading` until the form has looked in the queue (also what the server renders). */
export type QueueState = 'loading' | 'idle' | 'sending' | 'queued' | 'choose';

type Options = {
	/** A newer write of this form replaces a queued older one (true for whole records). */
	replace: boolean;
	/** Clear the form after it is sent (a note), rather than keep what it shows (a sheet). */
	reset?: boolean;
	state: (state: QueueState) => void;
};

export const newKey = () => crypto.randomUUID().replaceAll('-', '');

/** The next write of this form gets a new key; the one just made keeps its own. */
function rekey(form: HTMLFormElement) {
	const input = form.elements.namedItem('_key');
	if (input instanceof HTMLInputElement) input.value = newKey();
}

export function queued(options: Options): SubmitFunction {
	return ({ formElement, formData, action, cancel }) => {
		cancel();
		const fields = [...formData].filter((e): e is [string, string] => typeof e[1] === 'string');
		const key = String(formData.get('_key') || newKey());
		if (!formData.get('_key')) fields.push(['_key', key]);
		const write: QueuedWrite = {
			key,
			url: action.pathname + action.search,
			page: location.pathname,
			form: formElement.getAttribute('action') ?? '',
			fields,
			at: Date.now(),
			state: 'waiting'
		};
		rekey(formElement);
		void send(write, formElement, options);
	};
}

async function send(write: QueuedWrite, form: HTMLFormElement, options: Options) {
	options.state('sending');
	const result = navigator.onLine
		? await (await import('./send')).post(write.url, write.fields)
		: null;
	const queue = await import('./queue');
	if (!result) {
		await queue.keep(write, options.replace);
		options.state('queued');
		// A separate write is on its way: the form is free for the next one.
		if (options.reset) form.reset();
		return;
	}
	// Answered: a whole record's older queued versions are settled by this newer write; a
	// separate write (a note, a new lesson) settles only the refused one it was restored from.
	if (result.type !== 'error') {
		const resolved = form.dataset.resolves;
		delete form.dataset.resolves;
		for (const old of await queue.writesOf(write.page, write.form))
			if (options.replace || old.key === resolved) await queue.drop(old.key);
	}
	options.state('idle');
	if (result.type === 'redirect') return goto(result.location, { invalidateAll: true });
	if (result.type === 'success') {
		await invalidateAll();
		if (options.reset) form.reset();
	}
	await applyAction(result);
}

/**
 * On opening the page: shows again what this form has in the queue. A waiting write fills the
 * form with what was typed; one the server refused shows the refusal (a conflict with both
 * versions, field errors) as if it had just been sent.
 */
export async function restore(form: HTMLFormElement, options: Options) {
	// Loaded now, while online: offline, without a service worker, a lazy chunk cannot be fetched.
	const queue = await import('./queue');
	void import('./send');
	if (!localStorage.getItem('passerelle.queue')) return options.state('idle');
	const writes = await queue.writesOf(location.pathname, form.getAttribute('action') ?? '');
	const last = writes.at(-1);
	if (!last) return options.state('idle');
	const refused = writes.find((w) => w.state === 'choose');
	if (refused) {
		form.dataset.resolves = refused.key;
		await applyAction({ type: 'failure', status: refused.status ?? 400, data: refused.data });
		options.state('choose');
		return;
	}
	// A whole record shows its waiting version; separate writes (notes, new lessons) are each
	// already queued: the form stays empty for the next one.
	if (options.replace) fill(form, last.fields);
	options.state('queued');
}

function fill(form: HTMLFormElement, fields: [string, string][]) {
	const has = (name: string, value: string) => fields.some(([k, v]) => k === name && v === value);
	for (const el of form.elements) {
		if (!(
			el instanceof HTMLInputElement ||
			el instanceof HTMLTextAreaElement ||
			el instanceof HTMLSelectElement
		))
			continue;
		// The key stays fresh: the queued write keeps its own.
		if (!el.name || el.name === '_key') continue;
		if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
			el.checked = has(el.name, el.value);
			continue;
		}
		if (el instanceof HTMLInputElement && el.type === 'file') continue;
		const value = fields.find(([k]) => k === el.name)?.[1];
		if (value === undefined) continue;
		el.value = value;
		// A field that keeps its text in state (a counter, bind:value) hears of it.
		el.dispatchEvent(new Event('input', { bubbles: true }));
	}
}

/**
 * "Keep the server's version": forgets what this form (named by its `action` attribute) has
 * queued, and shows the page afresh.
 */
export async function dropQueued(formAction: string) {
	const queue = await import('./queue');
	for (const w of await queue.writesOf(location.pathname, formAction)) await queue.drop(w.key);
	await goto(location.pathname + location.search, { invalidateAll: true, replaceState: true });
}
