// E-mails leave through this table: written in the transaction of the change that causes them,
// so a mail is never sent for a change that was rolled back, nor lost for one that was kept.
import { count, desc } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { outbox } from '../db/schema';

export type Mail = { to: string; subject: string; body: string; kind: string };

export function enqueueMail(db: Tx, mail: Mail) {
	db.insert(outbox).values(mail).run();
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
