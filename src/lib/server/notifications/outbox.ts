// E-mails leave through this table: written in the transaction of the change that causes them,
// so a mail is never sent for a change that was rolled back, nor lost for one that was kept.
import { count, desc } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { outbox } from '../db/schema';
import { renderLetter, type Letter } from './letter';

export type Mail = {
	to: string;
	subject: string;
	body: string;
	kind: string;
	html?: string | null;
	locale?: string | null;
	unsubscribeUrl?: string | null;
};

const SUBJECT_MAX = 200;

/**
 * A subject is one line whatever text it is made of (a visit title, a name): no line break or
 * control character, which in a header would start another one, and a length mail clients show.
 */
export function mailSubject(text: string) {
	const line = text
		.toWellFormed()
		.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return [...line].slice(0, SUBJECT_MAX).join('');
}

/** One plain address (local@domain), nothing a header could read as a list, a name or a group. */
const ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;

/** The recipient as nodemailer's address object, or null if the stored text is not one address. */
export function mailRecipient(to: string) {
	return ADDRESS.test(to) ? { name: '', address: to } : null;
}

export function enqueueMail(db: Tx, mail: Mail) {
	db.insert(outbox)
		.values({ ...mail, subject: mailSubject(mail.subject) })
		.run();
}

/** A letter (one, or the same in several languages) as a mail with its text and HTML parts. */
export function enqueueLetter(
	db: Tx,
	to: string,
	kind: string,
	letters: Letter | Letter[],
	unsubscribeUrl?: string
) {
	const mail = renderLetter(...[letters].flat());
	enqueueMail(db, {
		to,
		kind,
		subject: mail.subject,
		body: mail.text,
		html: mail.html,
		locale: mail.locale,
		unsubscribeUrl
	});
}

export const OUTBOX_PAGE_SIZE = 50;

export function listOutbox(db: DB, page = 1) {
	const total = db.select({ n: count() }).from(outbox).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const items = db
		.select()
		.from(outbox)
		.orderBy(desc(outbox.id))
		.limit(OUTBOX_PAGE_SIZE)
		.offset((current - 1) * OUTBOX_PAGE_SIZE)
		.all();
	return { items, total, page: current, pages };
}
