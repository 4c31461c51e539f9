import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { can } from '$lib/server/policy';
import { getLesson, lessonsOfVisit } from '$lib/server/lessons/record';
import { listThemes } from '$lib/server/organisations/directory';
import { attachmentsDir, deleteAttachment, getAttachment } from '$lib/server/lessons/attachments';
import { deleteLesson, updateLesson } from '$lib/server/lessons/edits';
import { readLessonForm, viewerOf } from '$lib/server/http/follow-up';
import { readableLesson, receiveUpload } from '$lib/server/http/lesson';
import { positiveId, type FieldErrors } from '$lib/schemas/common';

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
		version: lesson.updatedAt.getTime(),
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
		const version = Number(form.get('version'));
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors, version });
		const result = updateLesson(getDb(), actor.id, lesson.id, {
			...read.data,
			updatedAt: version
		});
		if (!result.ok) {
			const errors: FieldErrors =
				result.field === 'updatedAt' ? { title: 'stale' } : { themeIds: 'invalid' };
			// The current version, so saving again (after comparing) goes through.
			const current = getLesson(getDb(), lesson.id)?.updatedAt.getTime() ?? version;
			return fail(409, { values: read.values, errors, version: current });
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
