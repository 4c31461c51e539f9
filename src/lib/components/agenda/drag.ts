// Drag and drop for the programme, on top of the plain forms: a drop posts the same `place` or
// `move` action the buttons post, so the server decides exactly as without JavaScript.
import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';

type Drop =
	{ action: 'place'; id: number; to: number } | { action: 'move'; id: number; day: string };

export async function postDrop(drop: Drop) {
	const body = new FormData();
	for (const [k, v] of Object.entries(drop)) if (k !== 'action') body.set(k, String(v));
	const response = await fetch(`?/${drop.action}`, {
		method: 'POST',
		body,
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const result = deserialize(await response.text());
	if (result.type === 'success') await invalidateAll();
	await applyAction(result);
}

/** Where a session dragged over a day lands: before the session under the pointer, or last. */
export function dropPlace(event: DragEvent, day: HTMLElement) {
	const over = (event.target as HTMLElement).closest<HTMLElement>('li.session');
	const count = day.querySelectorAll('li.session').length;
	return over && day.contains(over) ? Number(over.dataset.index) : count;
}
