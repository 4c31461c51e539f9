// Sends the outbox by SMTP when SMTP_URL is set (e.g. smtp://user:pass@mail.example.org:587).
// Without it, mail stays in the outbox, where staff read it at /admin/outbox.
import nodemailer from 'nodemailer';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { DB } from '../db';
import { outbox } from '../db/schema';

const MAX_ATTEMPTS = 5;
const INTERVAL_MS = 15_000;

type Transport = {
	sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

export function createTransport(url: string): Transport {
	return nodemailer.createTransport(url);
}

/** Sends up to `limit` waiting e-mails; a failure is counted and retried later, five times. */
export async function deliverPending(db: DB, transport: Transport, from: string, limit = 20) {
	const waiting = db
		.select()
		.from(outbox)
		.where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
		.orderBy(asc(outbox.id))
		.limit(limit)
		.all();
	let sent = 0;
	for (const mail of waiting) {
		try {
			await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
			db.update(outbox)
				.set({ sentAt: new Date(), attempts: mail.attempts + 1, lastError: null })
				.where(eq(outbox.id, mail.id))
				.run();
			sent++;
		} catch (err) {
			const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
			db.update(outbox)
				.set({ attempts: mail.attempts + 1, lastError })
				.where(eq(outbox.id, mail.id))
				.run();
		}
	}
	return sent;
}

/** Started by the server when SMTP_URL is set: drains the outbox every few seconds. */
export function startMailer(db: DB, url: string, from: string) {
	const transport = createTransport(url);
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await deliverPending(db, transport, from);
		} finally {
			running = false;
		}
	};
	setInterval(tick, INTERVAL_MS).unref();
	void tick();
}
