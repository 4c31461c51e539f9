// A real SMTP server on 127.0.0.1 for the mail specs: mail really goes over the wire, and the
// specs read what arrived (mailparser). Addresses at @refused.example.org are refused.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type Received = { to: string[]; data: string };

export async function startSmtp() {
	const received: Received[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onRcptTo(address, _session, done) {
			if (address.address.endsWith('@refused.example.org')) return done(new Error('No such user'));
			done();
		},
		onData(stream, session, done) {
			let data = '';
			stream.on('data', (chunk) => (data += chunk));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
				done();
			});
		}
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
	const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	const close = () => new Promise<void>((done) => server.close(() => done()));
	return { received, url, close };
}
