// Sends the outbox by SMTP when SMTP_URL is set (e.g. smtp://user:pass@mail.example.org:587).
// Without it, mail stays in the outbox, where staff read it at /admin/outbox.
import nodemailer from 'nodemailer';
import { randomUUID } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { DB } from '../db';
import { outbox } from '../db/schema';
import { mailRecipient, mailSubject } from './outbox';

const MAX_ATTEMPTS = 5;
const INTERVAL_MS = 15_000;

type Address = { name: string; address: string };

type Message = {
	from: Address;
	to: Address;
	subject: string;
	text: string;
	html?: string;
	messageId: string;
	headers: Record<string, string>;
	list?: { unsubscribe: { url: string } };
};

type Transport = { sendMail(mail: Message): Promise<unknown> };

/**
 * The public host names our Message-IDs: nodemailer would take the sender's domain, which is
 * often `localhost` or a shared provider's, and spam filters read a mismatched one badly.
 */
export function messageIdHost(origin: string) {
	try {
		return new URL(origin).hostname || 'localhost';
	} catch {
		return 'localhost';
	}
}

/** Language tags only (e.g. "fr, en"): Content-Language is built from stored text, so checked. */
const LANGUAGES = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*(, [a-z]{2,3}(-[A-Za-z0-9]{1,8})*)*$/;

/** The outbox row as nodemailer's message: every header an object or text it encodes. */
export function messageOf(
	mail: typeof outbox.$inferSelect,
	from: Address,
	to: Address,
	host: string
) {
	const message: Message = {
		from,
		to,
		subject: mailSubject(mail.subject),
		text: mail.body,
		messageId: `<${randomUUID()}@${host}>`,
		headers: {}
	};
	if (mail.html) message.html = mail.html;
	if (mail.locale && LANGUAGES.test(mail.locale)) {
		message.headers['Content-Language'] = mail.locale;
	}
	if (mail.unsubscribeUrl && /^https?:\/\/[^\s<>]+$/.test(mail.unsubscribeUrl)) {
		// RFC 8058: the address takes a POST without a session; the route does the rest.
		message.list = { unsubscribe: { url: mail.unsubscribeUrl } };
		message.headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	return message;
}

/**
 * MAIL_FROM ("Passerelle <no-reply@example.org>") as one address object, parsed once by
 * nodemailer's own parser; a list or a group is a configuration error, said at start.
 */
export function senderAddress(from: string): Address {
	const parsed = addressparser(from, { flatten: true });
	if (parsed.length !== 1 || !mailRecipient(parsed[0].address)) {
		throw new Error(`MAIL_FROM must be one address, got ${JSON.stringify(from)}`);
	}
	return parsed[0];
}

export function createTransport(url: string): Transport {
	return nodemailer.createTransport(url);
}

/**
 * Sends up to `limit` waiting e-mails; a failure is counted and retried later, five times. Every
 * header goes through nodemailer as an object or a plain text it encodes (RFC 2047), never as
 * stored text: the outbox may hold rows written before today's checks.
 */
export async function deliverPending(
	db: DB,
	transport: Transport,
	from: string,
	origin = 'http://localhost',
	limit = 20
) {
	const sender = senderAddress(from);
	const host = messageIdHost(origin);
	const waiting = db
		.select()
		.from(outbox)
		.where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
		.orderBy(asc(outbox.id))
		.limit(limit)
		.all();
	let sent = 0;
	for (const mail of waiting) {
		const to = mailRecipient(mail.to);
		if (!to) {
			// Not an address: never sent, never retried (a raw "a@x\r\nBcc: b@y" would reach b@y).
			db.update(outbox)
				.set({ attempts: MAX_ATTEMPTS, lastError: 'Invalid recipient address' })
				.where(eq(outbox.id, mail.id))
				.run();
			continue;
		}
		try {
			await transport.sendMail(messageOf(mail, sender, to, host));
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
export function startMailer(db: DB, url: string, from: string, origin: string) {
	senderAddress(from);
	const transport = createTransport(url);
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await deliverPending(db, transport, from, origin);
		} finally {
			running = false;
		}
	};
	setInterval(tick, INTERVAL_MS).unref();
	void tick();
}
