// What the lessons and actions routes share: who the viewer is for visibility, today's date for
// "overdue", and reading their forms (see ./forms).
import { error } from '@sveltejs/kit';
import { getDb, type DB } from '../db';
import { readOrganisationFilter } from '../organisations/filter';
import { can, isStaff, type Actor } from '../policy';
import { getAction } from '../actions/tracking';
import { todayIn } from '../visits/completion';
import { checkForm } from './forms';
import {
	ACTION_FIELDS,
	LESSON_FIELDS,
	actionEditSchema,
	actionSchema,
	lessonSchema
} from '$lib/schemas/lesson';
import { positiveId } from '$lib/schemas/common';
import type { Viewer } from '../lessons/record';
import { ACTION_STATUSES } from '$lib/enums';

type SignedIn = NonNullable<Actor> & { timeZone?: string | null };

/** null (everything) for staff; otherwise the viewer's organisations. */
export function viewerOf(actor: SignedIn): Viewer {
	return isStaff(actor) ? null : (actor.memberships ?? []).map((m) => m.organisationId);
}

/** Today where the viewer is, for "overdue" and "due soon". */
export function todayFor(actor: SignedIn, now = new Date()) {
	return todayIn(actor.timeZone || 'UTC', now);
}

export const readLessonForm = (form: FormData) =>
	checkForm(form, lessonSchema, { keep: LESSON_FIELDS, lists: ['themeIds'] });

export const readActionForm = (form: FormData, withVersion = false) =>
	checkForm(form, withVersion ? actionEditSchema : actionSchema, {
		keep: [...ACTION_FIELDS, 'version']
	});

/** The action of the URL if the actor may see it; 404 otherwise. */
export function visibleAction(actor: SignedIn, raw: string | undefined) {
	const id = positiveId(raw);
	const action = id ? getAction(getDb(), id, viewerOf(actor)) : undefined;
	if (!action) error(404, 'Not found');
	return {
		action,
		canUpdate: can(actor, 'action.update', action),
		canEdit: can(actor, 'action.edit', action)
	};
}

/**
 * The /actions filters from the URL (also /actions.csv, so the export follows the organisation
 * text field too); unknown values are ignored. `organisation` is what the filter field shows.
 */
export function readActionFilter(db: DB, url: URL, actor: SignedIn) {
	const q = url.searchParams;
	const organisation = readOrganisationFilter(db, q);
	return {
		status: ACTION_STATUSES.find((s) => s === q.get('status')),
		organisationIds: organisation.ids,
		organisation: organisation.field,
		visitId: positiveId(q.get('visit')) ?? undefined,
		themeId: positiveId(q.get('theme')) ?? undefined,
		overdue: q.get('overdue') === '1',
		dueWithin: q.get('due') === '30' ? 30 : undefined,
		page: positiveId(q.get('page')) ?? 1,
		viewer: viewerOf(actor),
		today: todayFor(actor)
	};
}
