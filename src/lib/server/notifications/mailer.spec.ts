import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type Received } from './test-smtp';
import { createTestDb } from '../db/test-db';
import { outbox } from '../db/schema';
import { enqueueMail } from './outbox';
import { createTransport, deliverPending } from './mailer';

// A real SMTP server on 127.0.0.1 (test-smtp.ts): the mail really goes over the wire.
let received: Received[];
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
	({ received, url, close } = await startSmtp());
});

afterAll(() => close());

describe('SMTP delivery of the outbox', () => {
	it('sends waiting mail once, marks it sent, and records failures for a retry', async () => {
		const db = createTestDb();
		enqueueMail(db, {
			to: 'awa@keoogo.example.org',
			subject: 'Invitation',
			body: 'Lien : http://x/invite/abc',
			kind: 'invitation'
		});
		enqueueMail(db, {
			to: 'nobody@refused.example.org',
			subject: 'Invitation',
			body: 'x',
			kind: 'invitation'
		});
		const transport = createTransport(url);

		expect(await deliverPending(db, transport, 'Passerelle <no-reply@passerelle.test>')).toBe(1);
		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual(['awa@keoogo.example.org']);
		expect(received[0].data).toContain('http://x/invite/abc');

		const rows = db.select().from(outbox).all();
		expect(rows[0].sentAt).not.toBeNull();
		expect(rows[1]).toMatchObject({ sentAt: null, attempts: 1 });
		expect(rows[1].lastError).toMatch(/No such user/);

		// Sent mail is not sent again.
		await deliverPending(db, transport, 'Passerelle <no-reply@passerelle.test>');
		expect(received).toHaveLength(1);
	});
});
