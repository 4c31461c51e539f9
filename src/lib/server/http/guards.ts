import { error, redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { can, type PlainAction } from '../policy';
import { getDb } from '../db';
import { actorOf } from '../accounts/users';

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

type SignedInActor = NonNullable<App.Locals['user']> & ReturnType<typeof actorOf>;
const actors = new WeakMap<App.Locals, SignedInActor>();

/** The signed-in user with their memberships, read once per request (layout and page share it). */
export function currentActor(locals: App.Locals): SignedInActor | null {
	if (!locals.user) return null;
	let actor = actors.get(locals);
	if (!actor) {
		actor = { ...locals.user, ...actorOf(getDb(), locals.user) };
		actors.set(locals, actor);
	}
	return actor;
}

/**
 * The signed-in user, with their memberships, if the policy lets them do `action`. A page they may not see answers 404
 * (its existence is not confirmed); a change they may not make answers 403.
 */
export function authorize(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	action: PlainAction,
	denied: 403 | 404 = 404
) {
	requireUser(event);
	const actor = currentActor(event.locals)!;
	if (!can(actor, action)) error(denied, denied === 404 ? 'Not found' : 'Forbidden');
	return actor;
}
