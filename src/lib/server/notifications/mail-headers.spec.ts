// Text in a header must stay in that header: a stored subject or address with a line break could
// otherwise add a Bcc. Rows go straight into the outbox (past every form), travel over a real
// SMTP connection, and mailparser reads what arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startSmtp, type Received } from './test-smtp';
import { createTestDb } from '../db/test-db';
import { outbox } from '../db/schema';
import { enqueueMail, mailSubject } from './outbox';
import { createTransport, deliverPending, senderAddress } from './mailer';

let received: Received[];
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
	({ received, url, close } = await startSmtp());
});

afterAll(() => close());

const FROM = 'Passerelle <no-reply@passerelle.test>';
const TITLE = 'Visite à Bobo\r\nBcc: x@evil.example\r\n\r\nFaux corps; "cité", المندوب';

describe('mail headers from stored text', () => {
	it('keeps a hostile subject on one line and sends to the one recipient only', async () => {
		received.length = 0;
		const db = createTestDb();
		const long = `${TITLE} ${'très long '.repeat(100)}`;
		db.insert(outbox)
			.values([
				{ to: 'awa@keoogo.example.org', subject: TITLE, body: 'Bonjour', kind: 'test' },
				{ to: 'moussa@keoogo.example.org', subject: long, body: 'Bonjour', kind: 'test' }
			])
			.run();
		expect(await deliverPending(db, createTransport(url), FROM)).toBe(2);
		expect(received.map((r) => r.to)).toEqual([
			['awa@keoogo.example.org'],
			['moussa@keoogo.example.org']
		]);

		const mail = await simpleParser(received[0].data);
		expect(mail.headers.has('bcc')).toBe(false);
		expect(mail.subject).toBe('Visite à Bobo Bcc: x@evil.example Faux corps; "cité", المندوب');
		expect(mail.to).toMatchObject({ value: [{ address: 'awa@keoogo.example.org' }] });
		expect(mail.from).toMatchObject({
			value: [{ name: 'Passerelle', address: 'no-reply@passerelle.test' }]
		});
		expect(mail.text?.trim()).toBe('Bonjour');

		const second = await simpleParser(received[1].data);
		expect(second.headers.has('bcc')).toBe(false);
		expect(second.subject).toBe(mailSubject(long));
		expect([...(second.subject ?? '')]).toHaveLength(200);
	});

	it('never sends to a stored recipient that is not one plain address', async () => {
		received.length = 0;
		const db = createTestDb();
		const hostile = [
			'awa@keoogo.example.org\r\nBcc: x@evil.example',
			'awa@keoogo.example.org, x@evil.example',
			'Awa <x@evil.example>',
			'"awa@keoogo.example.org"@evil.example'
		];
		db.insert(outbox)
			.values(hostile.map((to) => ({ to, subject: 'Objet', body: 'x', kind: 'test' })))
			.run();
		expect(await deliverPending(db, createTransport(url), FROM)).toBe(0);
		expect(received).toHaveLength(0);
		for (const row of db.select().from(outbox).all()) {
			expect(row).toMatchObject({
				sentAt: null,
				attempts: 5,
				lastError: 'Invalid recipient address'
			});
		}
	});

	it('stores subjects on one line however they were built', () => {
		const db = createTestDb();
		enqueueMail(db, { to: 'awa@keoogo.example.org', subject: TITLE, body: 'x', kind: 'test' });
		expect(db.select().from(outbox).get()?.subject).toBe(
			'Visite à Bobo Bcc: x@evil.example Faux corps; "cité", المندوب'
		);
	});

	it('reads MAIL_FROM once as one address', () => {
		expect(senderAddress('Passerelle <no-reply@localhost>')).toEqual({
			name: 'Passerelle',
			address: 'no-reply@localhost'
		});
		expect(() => senderAddress('a@x.test, b@evil.example')).toThrow(/MAIL_FROM/);
	});
});
