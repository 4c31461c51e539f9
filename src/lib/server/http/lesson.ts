// The lesson a URL names (/visits/{id}/lessons/{lesson}), for its page and its forms: a lesson of
// another visit, or one the viewer may not read, is a 404 like a lesson that does not exist.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { can } from '../policy';
import { readableVisit } from './visit';
import {
	ATTACHMENT_MAX_BYTES,
	attachToLesson,
	attachmentsDir,
	lessonOfVisit
} from '../lessons/attachments';
import { positiveId } from '$lib/schemas/common';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

export function readableLesson(event: Event) {
	const context = readableVisit(event);
	const { actor, visit, target } = context;
	const id = positiveId((event.params as { lesson?: string }).lesson);
	const lesson = id ? lessonOfVisit(getDb(), visit.id, id) : undefined;
	if (!lesson || !can(actor, 'lesson.see', { visit: target, visibility: lesson.visibility })) {
		error(404, 'Not found');
	}
	const owner = { organisationId: lesson.organisationId, authorId: lesson.authorId };
	return {
		...context,
		lesson,
		may: {
			attach: can(actor, 'lesson.attach', { visit: target, organisationId: lesson.organisationId }),
			edit: can(actor, 'lesson.edit', owner),
			delete: can(actor, 'lesson.delete', owner)
		}
	};
}

/**
 * Reads an upload form. A body over the upload limit, or one that cannot be read, never gets here
 * (http/body-hook.ts answers it with the "too large" message); the catch stays as a safety net.
 */
export async function receiveUpload(event: Event & Pick<RequestEvent, 'request'>) {
	const { actor, visit, lesson, may } = readableLesson(event);
	if (!may.attach) error(403, 'Forbidden');
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch (e) {
		const tooLarge = (e as { status?: number })?.status === 413 || /size|limit/i.test(String(e));
		return fail(tooLarge ? 413 : 400, { attachError: tooLarge ? 'too_large' : 'required' });
	}
	const file = form.get('file');
	if (!(file instanceof File) || !file.name) return fail(400, { attachError: 'required' });
	// Before reading the bytes: a file over the limit is refused without holding it in memory twice.
	if (file.size > ATTACHMENT_MAX_BYTES) return fail(413, { attachError: 'too_large' });
	const result = attachToLesson(getDb(), attachmentsDir(), {
		actorId: actor.id,
		visitId: visit.id,
		lessonId: lesson.id,
		file: { name: file.name, size: file.size },
		bytes: new Uint8Array(await file.arrayBuffer())
	});
	if (!result.ok)
		return fail(result.error === 'too_large' ? 413 : 400, { attachError: result.error });
	return { attached: file.name };
}
