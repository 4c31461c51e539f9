// The world the mail specs share: three organisations with a coordinator each (French, Spanish,
// Arabic), a visit's details with text that must be escaped, a real SMTP server (test-smtp.ts),
// and a reader that sends the outbox and parses what reached an address (mailparser).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { addOrganisation, addUser } from '../db/test-fixtures';
import { createTransport, deliverPending } from './mailer';
import { startSmtp, type Received } from './test-smtp';
import { createVisit, visitTarget } from '../visits/workflow';
import { getVisit } from '../visits/read';
import type { VisitDetails } from '$lib/schemas/visit';

export const ORIGIN = 'https://passerelle.example.org';
const FROM = 'Passerelle <no-reply@localhost>';

export const details: VisitDetails = {
	title: 'Observer les classes <préscolaires> & "jeux"',
	objectives: 'Comprendre le coin lecture\nÉchanger sur l’accueil des parents',
	startsOn: '2026-12-07',
	endsOn: '2026-12-11',
	timeZone: 'Africa/Ouagadougou',
	place: 'Bobo-Dioulasso, école Wend-Panga',
	languages: ['fr'],
	themeIds: [],
	expectedSize: 4
};

type Smtp = { received: Received[]; url: string; close: () => Promise<void> };

export type MailWorld = {
	db: DB;
	org: Record<string, number>;
	person: Record<string, number>;
	smtp: Smtp;
	ctx: (who: string) => { actorId: number; origin: string };
	proposal: (extra?: Partial<VisitDetails>, hostId?: number, send?: boolean) => number;
	target: (id: number) => ReturnType<typeof visitTarget> & { id: number; title: string };
	mailsTo: (to: string) => Promise<ParsedMail[]>;
};

export function mailWorld(): MailWorld {
	const world: MailWorld = {
		db: undefined as unknown as DB,
		org: {} as Record<string, number>,
		person: {} as Record<string, number>,
		smtp: undefined as unknown as { received: Received[]; url: string; close: () => Promise<void> },
		ctx: (who: string) => ({ actorId: world.person[who], origin: ORIGIN }),
		/** KEOOGO (Awa) proposes a visit to Dimitra Tanzanie (Lucía). */
		proposal: (extra: Partial<VisitDetails> = {}, hostId = world.org.DT, send = true) => {
			const created = createVisit(
				world.db,
				world.ctx('awa'),
				{ kind: 'exchange', proposerId: world.org.KEOOGO, hostId, visitorIds: [world.org.KEOOGO] },
				{ ...details, ...extra },
				send,
				{ confirmed: true }
			);
			if (!created.ok) throw new Error('proposal refused');
			return created.id;
		},
		target: (id: number) => {
			const v = getVisit(world.db, id)!;
			return { ...visitTarget(v), id, title: v.title };
		},
		/** Sends the outbox and returns the mails that reached `to`, parsed, oldest first. */
		mailsTo: async (to: string): Promise<ParsedMail[]> => {
			await deliverPending(world.db, createTransport(world.smtp.url), FROM, ORIGIN, 100);
			const raw = world.smtp.received.filter((r) => r.to.includes(to));
			return Promise.all(raw.map((r) => simpleParser(r.data)));
		}
	};
	beforeAll(async () => {
		world.smtp = await startSmtp();
	});
	afterAll(() => world.smtp.close());
	beforeEach(() => {
		const db = (world.db = createTestDb());
		world.smtp.received.length = 0;
		world.org.KEOOGO = addOrganisation(db, 'KEOOGO');
		world.org.DT = addOrganisation(db, 'Dimitra Tanzanie', 'Africa/Dar_es_Salaam');
		world.org.AHEED = addOrganisation(db, 'AHEED', 'Africa/Cairo');
		const { org } = world;
		world.person.awa = addUser(db, 'awa@keoogo.test', {
			locale: 'fr',
			memberOf: [[org.KEOOGO, 'coordinator']]
		});
		world.person.lucia = addUser(db, 'lucia@dt.test', {
			locale: 'es',
			memberOf: [[org.DT, 'coordinator']]
		});
		world.person.karim = addUser(db, 'karim@aheed.test', {
			locale: 'ar',
			memberOf: [[org.AHEED, 'coordinator']]
		});
	});
	return world;
}

export const html = (mail: ParsedMail) => String(mail.html);
