import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { lessonsOfVisit } from '$lib/server/lessons/record';
import { listThemes } from '$lib/server/organisations/directory';
import { attachmentsDir, deleteAttachment, getAttachment } from '$lib/server/lessons/attachments';
import { deleteLesson, updateLesson } from '$lib/server/lessons/edits';
import { readLessonForm, viewerOf } from '$lib/server/http/follow-up';
import { readableLesson, receiveUpload } from '$lib/server/http/lesson';
import { positiveId, type FieldErrors } from '$lib/schemas/common';
import { newKey, once, readFormMeta } from '$lib/server/http/idempotency';

export const load: PageServerLoad = (event) => {
	const { actor, visit, lesson, may } = readableLesson(event);
	const card = lessonsOfVisit(getDb(), visit.id, viewerOf(actor)).find((l) => l.id === lesson.id);
	if (!card) error(404, 'Not found');
	const owner = { organisationId: lesson.organisationId };
	return {
		visit: { id: visit.id, title: visit.title },
		lesson: {
			...card,
			attachments: card.attachments.map((a) => ({
				...a,
				canDelete: can(actor, 'attachment.delete', { ...owner, uploadedById: a.uploadedById })
			}))
		},
		version: lesson.version,
		/** Makes the edit's sending happen once (a queued edit, a double tap). */
		key: newKey(),
		may,
		themes: may.edit ? listThemes(getDb()) : []
	};
};

export const actions: Actions = {
	attach: receiveUpload,
	detach: async (event) => {
		const { actor, visit, lesson } = readableLesson(event);
		const form = await event.request.formData();
		const id = positiveId(form.get('attachmentId'));
		const found = id ? getAttachment(getDb(), id) : undefined;
		if (!found || found.lessonId !== lesson.id) error(404, 'Not found');
		if (!can(actor, 'attachment.delete', found)) error(403, 'Forbidden');
		deleteAttachment(getDb(), attachmentsDir(), actor.id, visit.id, found.id);
		return { detached: found.filename };
	},
	update: async (event) => {
		const { actor, lesson, may } = readableLesson(event);
		if (!may.edit) error(403, 'Forbidden');
		const form = await event.request.formData();
		// The organisation that learned it is not for an edit to change.
		form.set('organisationId', String(lesson.organisationId));
		const read = readLessonForm(form);
		const meta = readFormMeta(form);
		const raw = form.get('version');
		const version = typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors, version });
		if (!meta.ok || version === null) {
			return fail(400, { values: read.values, errors: {} as FieldErrors, version, badMeta: true });
		}
		// Once per key: an edit queued on a phone and sent again after a lost answer is one edit.
		const done = once(
			getDb(),
			{ owner: { userId: actor.id }, key: meta.key, what: `lesson.update:${lesson.id}` },
			(tx) => updateLesson(tx, actor.id, lesson.id, { ...read.data, version }),
			(r) => r.ok
		);
		if (!done.ok) {
			return fail(400, { values: read.values, errors: {} as FieldErrors, version, badMeta: true });
		}
		const result = done.result;
		if (!result.ok && result.field === 'themeIds') {
			return fail(400, {
				values: read.values,
				errors: { themeIds: 'invalid' } as FieldErrors,
				version
			});
		}
		if (!result.ok) {
			// The current version, so saving again (after comparing) goes through; the server's
			// text to compare with.
			const errors: FieldErrors = { title: 'stale' };
			return fail(409, {
				values: read.values,
				errors,
				version: result.now?.version ?? version,
				conflict: result.now
			});
		}
		return { updated: true };
	},
	delete: async (event) => {
		const { actor, visit, lesson, may } = readableLesson(event);
		if (!may.delete) error(403, 'Forbidden');
		deleteLesson(getDb(), attachmentsDir(), actor.id, lesson.id);
		redirect(303, `/visits/${visit.id}/lessons?deleted=1`);
	}
};
