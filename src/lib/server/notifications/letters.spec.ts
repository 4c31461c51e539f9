// What each e-mail says, read the way a mail client reads it: the domain functions write the
// outbox, the mailer sends it over real SMTP (test-smtp.ts), mailparser reads both parts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { delegates, outbox, users } from '../db/schema';
import { addOrganisation, addUser } from '../db/test-fixtures';
import { createTransport, deliverPending } from './mailer';
import { startSmtp, type Received } from './test-smtp';
import { savePreferences } from './preferences';
import { visitFacts, visitLetter } from './letters';
import { createVisit, visitTarget } from '../visits/workflow';
import { answerVisit, proposeDates } from '../visits/answers';
import { moveVisit } from '../visits/transitions';
import { getVisit } from '../visits/read';
import { sendReminder } from '../actions/reminders';
import { openEvaluation } from '../evaluations/links';
import { createInvitation } from '../accounts/invitations';
import { visitDetailsSchema, type VisitDetails } from '$lib/schemas/visit';
import { eq } from 'drizzle-orm';

const ORIGIN = 'https://passerelle.example.org';
const FROM = 'Passerelle <no-reply@localhost>';
let smtp: { received: Received[]; url: string; close: () => Promise<void> };
beforeAll(async () => (smtp = await startSmtp()));
afterAll(() => smtp.close());

let db: DB;
const org: Record<string, number> = {};
const person: Record<string, number> = {};

const details: VisitDetails = {
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

beforeEach(() => {
	db = createTestDb();
	smtp.received.length = 0;
	org.KEOOGO = addOrganisation(db, 'KEOOGO');
	org.DT = addOrganisation(db, 'Dimitra Tanzanie', 'Africa/Dar_es_Salaam');
	org.AHEED = addOrganisation(db, 'AHEED', 'Africa/Cairo');
	person.awa = addUser(db, 'awa@keoogo.test', {
		locale: 'fr',
		memberOf: [[org.KEOOGO, 'coordinator']]
	});
	person.lucia = addUser(db, 'lucia@dt.test', {
		locale: 'es',
		memberOf: [[org.DT, 'coordinator']]
	});
	person.karim = addUser(db, 'karim@aheed.test', {
		locale: 'ar',
		memberOf: [[org.AHEED, 'coordinator']]
	});
});

const ctx = (who: string) => ({ actorId: person[who], origin: ORIGIN });
const proposal = () =>
	createVisit(
		db,
		ctx('awa'),
		{ kind: 'exchange', proposerId: org.KEOOGO, hostId: org.DT, visitorIds: [org.KEOOGO] },
		details,
		true
	);
const target = (id: number) => {
	const v = getVisit(db, id)!;
	return { ...visitTarget(v), id, title: v.title };
};

/** Sends the outbox and returns the mails that reached `to`, parsed. */
async function mailsTo(to: string): Promise<ParsedMail[]> {
	await deliverPending(db, createTransport(smtp.url), FROM, ORIGIN, 100);
	const raw = smtp.received.filter((r) => r.to.includes(to));
	return Promise.all(raw.map((r) => simpleParser(r.data)));
}

const html = (mail: ParsedMail) => String(mail.html);

describe('a visit proposed', () => {
	it('names the organisations, dates, time zone, place and objectives, in the reader’s language', async () => {
		const id = proposal();
		const [mail] = await mailsTo('lucia@dt.test');
		expect(mail.subject).toBe(`Passerelle · KEOOGO propone una visita: «${details.title}»`);
		for (const part of [mail.text!, html(mail)]) {
			expect(part).toContain('Dimitra Tanzanie');
			expect(part).toContain('KEOOGO');
			expect(part).toContain('7–11 de diciembre de 2026');
			expect(part).toContain('Africa/Ouagadougou');
			expect(part).toContain('école Wend-Panga');
			expect(part).toContain('Comprendre le coin lecture');
			expect(part).toContain('puede aceptar, rechazar o proponer otras fechas');
			expect(part).toContain(`${ORIGIN}/visits/${id}`);
		}
		expect(mail.text).toContain(`Visita: ${details.title}`);
		// User text is escaped in the HTML part, never markup.
		expect(html(mail)).toContain(
			'Observer les classes &lt;préscolaires&gt; &amp; &quot;jeux&quot;'
		);
		expect(html(mail)).not.toContain('<préscolaires>');
		expect(html(mail)).not.toMatch(/<img|src=|<link|<script|url\(/i);
		expect(mail.headers.get('content-language')).toBe('es');
		expect(mail.messageId).toMatch(/@passerelle\.example\.org>$/);
	});

	it('writes Arabic right to left, with Latin digits', async () => {
		const id = createVisit(
			db,
			ctx('awa'),
			{ kind: 'exchange', proposerId: org.KEOOGO, hostId: org.AHEED, visitorIds: [org.KEOOGO] },
			details,
			true
		);
		const [mail] = await mailsTo('karim@aheed.test');
		expect(mail.headers.get('content-language')).toBe('ar');
		expect(html(mail)).toContain('<html lang="ar" dir="rtl">');
		expect(mail.text).toContain('7–11 ديسمبر 2026');
		expect(mail.text).toContain(`${ORIGIN}/visits/${id}`);
	});
});

describe('answers and changes', () => {
	it('a counter-proposal carries the new dates beside the current ones, and the note', async () => {
		const id = proposal();
		proposeDates(db, ctx('lucia'), target(id), {
			organisationId: org.DT,
			startsOn: '2027-01-11',
			endsOn: '2027-01-15',
			note: 'Nos classes sont fermées en décembre.\nJanvier nous convient.'
		});
		const [mail] = await mailsTo('awa@keoogo.test');
		expect(mail.subject).toContain("Dimitra Tanzanie propose d'autres dates");
		expect(mail.text).toContain('Dates proposées : 11–15 janvier 2027');
		expect(mail.text).toContain('Dates actuelles : 7–11 décembre 2026');
		expect(mail.text).toContain('Message joint :\nNos classes sont fermées en décembre.\nJanvier');
		expect(html(mail)).toContain('Nos classes sont fermées en décembre.');
		expect(mail.text).toContain('acceptez ces dates ou gardez les dates actuelles');
		expect(mail.headers.get('content-language')).toBe('fr');
	});

	it('a refusal and a cancellation carry the words written with them', async () => {
		const id = proposal();
		answerVisit(db, ctx('lucia'), target(id), org.DT, 'declined', 'Pas de place en décembre');
		const [declined] = await mailsTo('awa@keoogo.test');
		expect(declined.subject).toContain('Dimitra Tanzanie a décliné');
		expect(declined.text).toContain('Pas de place en décembre');

		const other = proposal();
		answerVisit(db, ctx('lucia'), target(other), org.DT, 'accepted', '');
		const accepted = await mailsTo('awa@keoogo.test');
		expect(accepted.at(-1)!.subject).toContain('Dimitra Tanzanie a accepté');
		expect(accepted.at(-1)!.text).toContain('7–11 décembre 2026');

		moveVisit(db, ctx('awa'), target(other), 'cancel', 'Grève des transports', org.KEOOGO);
		const cancelled = (await mailsTo('lucia@dt.test')).at(-1)!;
		expect(cancelled.subject).toContain('KEOOGO canceló');
		expect(cancelled.text).toContain('Motivo:\nGrève des transports');
		expect(cancelled.text).toContain('Fechas: 7–11 de diciembre de 2026');
	});

	it('a visit step goes at once to whoever asked for it so', async () => {
		const id = proposal();
		answerVisit(db, ctx('lucia'), target(id), org.DT, 'accepted', '');
		savePreferences(db, person.awa, {
			proposals: 'mail',
			changes: 'mail',
			status: 'mail',
			reminders: 'mail'
		});
		moveVisit(db, ctx('lucia'), target(id), 'confirm');
		const mail = (await mailsTo('awa@keoogo.test')).at(-1)!;
		expect(mail.subject).toContain('est maintenant : Confirmée');
		expect(mail.text).toContain('Lieu : Bobo-Dioulasso, école Wend-Panga');
	});
});

describe('header injection', () => {
	it('a title with line breaks is refused by the form, and stays in the body when stored', async () => {
		const hostile = 'Visite\r\nBcc: x@evil.example\r\n\r\nFaux corps';
		const parsed = visitDetailsSchema.safeParse({ ...details, title: hostile });
		expect(parsed.success).toBe(false);

		createVisit(
			db,
			ctx('awa'),
			{ kind: 'exchange', proposerId: org.KEOOGO, hostId: org.DT, visitorIds: [org.KEOOGO] },
			{ ...details, title: hostile },
			true
		);
		const [mail] = await mailsTo('lucia@dt.test');
		expect(smtp.received.flatMap((r) => r.to)).toEqual(['lucia@dt.test']);
		expect(mail.headers.has('bcc')).toBe(false);
		expect(mail.subject).toBe(
			'Passerelle · KEOOGO propone una visita: «Visite Bcc: x@evil.example Faux corps»'
		);
		expect(mail.text).toContain('Bcc: x@evil.example');
	});
});

describe('reminders, evaluations, invitations', () => {
	it('an action reminder says what is due, by when, and what to do where', async () => {
		const id = proposal();
		const action = {
			id: 0,
			visitId: id,
			title: 'Envoyer le compte rendu aux familles',
			dueOn: '2027-01-20',
			ownerUserId: person.lucia,
			ownerOrganisationId: org.DT
		};
		const { actions } = await import('../db/schema');
		action.id = db
			.insert(actions)
			.values({
				visitId: id,
				title: action.title,
				dueOn: action.dueOn,
				ownerUserId: person.lucia,
				ownerOrganisationId: org.DT
			})
			.returning()
			.get().id;
		sendReminder(db, action, 'due_in_7', new Date('2027-01-13T08:00:00Z'), ORIGIN);
		const mail = (await mailsTo('lucia@dt.test')).at(-1)!;
		expect(mail.text).toContain('Acción: Envoyer le compte rendu aux familles');
		expect(mail.text).toContain('Para el: 20 de enero de 2027');
		expect(mail.text).toContain(`${ORIGIN}/actions/${action.id}`);
		expect(mail.text).toContain('anote su avance o márquela como hecha');
		expect(html(mail)).toContain(`href="${ORIGIN}/actions/${action.id}"`);
	});

	it('an evaluation link says which visit and until when, in the reader’s time zone', async () => {
		const id = proposal();
		db.update(users).set({ timeZone: 'America/Bogota' }).where(eq(users.id, person.lucia)).run();
		db.insert(delegates)
			.values({ visitId: id, organisationId: org.DT, name: 'Lucía', userId: person.lucia })
			.run();
		db.insert(delegates)
			.values({ visitId: id, organisationId: org.KEOOGO, name: 'Safi', email: 'safi@keoogo.test' })
			.run();
		const now = new Date('2026-12-12T10:00:00Z');
		openEvaluation(
			db,
			{ actorId: null, origin: ORIGIN, now },
			{ id, title: details.title, languages: ['fr'] },
			{ anonymous: false }
		);
		const lucia = (await mailsTo('lucia@dt.test')).at(-1)!;
		expect(lucia.text).toContain('Hola, Lucía:');
		expect(lucia.text).toContain('Fechas: 7–11 de diciembre de 2026');
		// 60 days on, 05:00 in Bogotá.
		expect(lucia.text).toMatch(
			/Enlace válido hasta: 10 de febrero de 2027 a las 5:00 \(America\/Bogota\)/
		);
		expect(lucia.text).toMatch(new RegExp(`${ORIGIN}/e/[a-z2-7]{64}\\?lang=es`));
		// No account: the visit's language and time zone.
		const [safi] = await mailsTo('safi@keoogo.test');
		expect(safi.text).toContain(
			"Lien valable jusqu'au : 10 février 2027 à 10:00 (Africa/Ouagadougou)"
		);
		expect(safi.headers.get('content-language')).toBe('fr');
	});

	it('an invitation names the organisation, role and expiry, in the network’s language and English', async () => {
		const { url } = createInvitation(
			db,
			{
				email: 'new@dt.test',
				organisationId: org.DT,
				role: 'coordinator',
				globalRole: 'member',
				invitedById: person.awa
			},
			ORIGIN,
			Date.parse('2026-12-01T09:00:00Z')
		);
		const [mail] = await mailsTo('new@dt.test');
		expect(mail.headers.get('content-language')).toBe('fr, en');
		expect(mail.subject).toBe('Invitation à rejoindre Passerelle / Invitation to join Passerelle');
		expect(mail.text).toContain('pour Dimitra Tanzanie');
		expect(mail.text).toContain('for Dimitra Tanzanie');
		expect(mail.text).toContain('Rôle : coordination');
		expect(mail.text).toContain('Role: coordinator');
		expect(mail.text).toMatch(/15 décembre 2026 à 09:00 \(UTC\)/);
		expect(mail.text).toContain(url);
		expect(html(mail)).toContain(`href="${url}"`);
	});
});

describe('only what the reader may see', () => {
	it('a reader the policy does not let see the visit gets the sentence and the link only', () => {
		const id = createVisit(
			db,
			ctx('awa'),
			{ kind: 'exchange', proposerId: org.KEOOGO, hostId: org.DT, visitorIds: [org.KEOOGO] },
			details,
			false
		);
		const visit = visitFacts(db, id)!;
		const karim = {
			id: person.karim,
			email: 'karim@aheed.test',
			locale: 'fr' as const,
			timeZone: 'UTC',
			actor: {
				id: person.karim,
				globalRole: 'member' as const,
				memberships: [{ organisationId: org.AHEED, role: 'coordinator' as const }]
			}
		};
		const letter = visitLetter(
			'visit_status',
			{ title: visit.title, status: 'draft' },
			visit,
			karim,
			ORIGIN
		);
		expect(letter.facts).toBeUndefined();
		expect(JSON.stringify(letter)).not.toContain('Wend-Panga');
		const awa = {
			...karim,
			id: person.awa,
			actor: {
				...karim.actor,
				id: person.awa,
				memberships: [{ organisationId: org.KEOOGO, role: 'coordinator' as const }]
			}
		};
		expect(
			JSON.stringify(
				visitLetter('visit_status', { title: visit.title, status: 'draft' }, visit, awa, ORIGIN)
			)
		).toContain('Wend-Panga');
	});
});

describe('mail stored before today', () => {
	it('an outbox row without HTML or language still leaves, as plain text', async () => {
		db.insert(outbox)
			.values({ to: 'awa@keoogo.test', subject: 'Ancien', body: 'Texte', kind: 'test' })
			.run();
		const [mail] = await mailsTo('awa@keoogo.test');
		expect(mail.text?.trim()).toBe('Texte');
		expect(mail.html).toBe(false);
		expect(mail.headers.has('content-language')).toBe(false);
	});
});
