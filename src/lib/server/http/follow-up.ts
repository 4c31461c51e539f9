// What the lessons and actions routes share: who the viewer is for visibility, today's date for
// "overdue", and reading their forms (raw values kept for the refill).
import { error } from '@sveltejs/kit';
import { getDb, type DB } from '../db';
import { readOrganisationFilter } from '../organisations/filter';
import { can, isStaff, type Actor } from '../policy';
import { getAction } from '../actions/tracking';
import { todayIn } from '../visits/completion';
import { keptValues } from './admin-forms';
import {
	ACTION_FIELDS,
	LESSON_FIELDS,
	LESSON_TEXT_MAX,
	actionEditSchema,
	actionSchema,
	lessonSchema,
	type ActionField,
	type LessonField
} from '$lib/schemas/lesson';
import { fieldErrors, positiveId, type FieldErrors } from '$lib/schemas/common';
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

export function readLessonForm(form: FormData) {
	// Kept one character past the limit, so the page says "too long" and still shows the text.
	const values = {
		...keptValues(form, LESSON_FIELDS, LESSON_TEXT_MAX + 1),
		themeIds: form.getAll('themeIds').filter((v): v is string => typeof v === 'string')
	};
	const parsed = lessonSchema.safeParse(values);
	if (parsed.success) return { ok: true as const, values, data: parsed.data };
	return { ok: false as const, values, errors: fieldErrors<LessonField>(parsed.error) };
}

export function readActionForm(form: FormData, withVersion = false) {
	const values = keptValues(form, [...ACTION_FIELDS, 'version'], 5001);
	const parsed = (withVersion ? actionEditSchema : actionSchema).safeParse(values);
	if (parsed.success) return { ok: true as const, values, data: parsed.data };
	const errors: FieldErrors<ActionField> = fieldErrors<ActionField>(parsed.error);
	return { ok: false as const, values, errors };
}

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
