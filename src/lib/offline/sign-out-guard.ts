// Signing out removes this person's kept pages and ends their session: writes still queued on the
// device would never be sent. A header sign-out form marked `data-sign-out="ask"` therefore goes
// to the /logout page first when some are waiting; that page says how many and asks again.
import { queuedWrites } from './queue-count';

export function guardSignOut() {
	document.addEventListener('submit', async (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || form.dataset.signOut !== 'ask') return;
		event.preventDefault();
		if ((await queuedWrites()) > 0) {
			location.assign('/logout');
		} else {
			form.submit();
		}
	});
}
