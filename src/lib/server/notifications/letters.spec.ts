// What each e-mail about a visit says, read the way a mail client reads it: the domain functions
// write the outbox, the mailer sends it over real SMTP, mailparser reads both parts.
import { describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { savePreferences } from './preferences';
import { visitFacts, visitLetter } from './letters';
import { answerVisit, proposeDates } from '../visits/answers';
import { moveVisit } from '../visits/transitions';
import { visitDetailsSchema } from '$lib/schemas/visit';
import { ORIGIN, details, html, mailWorld } from './test-mail';

const w = mailWorld();

describe('a visit proposed', () => {
	it('names the organisations, dates, time zone, place and objectives, in the reader’s language', async () => {
		const id = w.proposal();
		const [mail] = await w.mailsTo('lucia@dt.test');
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
		const id = w.proposal({}, w.org.AHEED);
		const [mail] = await w.mailsTo('karim@aheed.test');
		expect(mail.headers.get('content-language')).toBe('ar');
		expect(html(mail)).toContain('<html lang="ar" dir="rtl">');
		expect(mail.text).toContain('7–11 ديسمبر 2026');
		expect(mail.text).toContain(`${ORIGIN}/visits/${id}`);
	});
});

describe('answers and changes', () => {
	it('a counter-proposal carries the new dates beside the current ones, and the note', async () => {
		const id = w.proposal();
		proposeDates(w.db, w.ctx('lucia'), w.target(id), {
			organisationId: w.org.DT,
			startsOn: '2027-01-11',
			endsOn: '2027-01-15',
			note: 'Nos classes sont fermées en décembre.\nJanvier nous convient.'
		});
		const [mail] = await w.mailsTo('awa@keoogo.test');
		expect(mail.subject).toContain("Dimitra Tanzanie propose d'autres dates");
		expect(mail.text).toContain('Dates proposées : 11–15 janvier 2027');
		expect(mail.text).toContain('Dates actuelles : 7–11 décembre 2026');
		expect(mail.text).toContain('Message joint :\nNos classes sont fermées en décembre.\nJanvier');
		expect(html(mail)).toContain('Nos classes sont fermées en décembre.');
		expect(mail.text).toContain('acceptez ces dates ou gardez les dates actuelles');
		expect(mail.headers.get('content-language')).toBe('fr');
	});

	it('a refusal and a cancellation carry the words written with them', async () => {
		const id = w.proposal();
		answerVisit(
			w.db,
			w.ctx('lucia'),
			w.target(id),
			w.org.DT,
			'declined',
			'Pas de place en décembre'
		);
		const [declined] = await w.mailsTo('awa@keoogo.test');
		expect(declined.subject).toContain('Dimitra Tanzanie a décliné');
		expect(declined.text).toContain('Pas de place en décembre');

		const other = w.proposal();
		answerVisit(w.db, w.ctx('lucia'), w.target(other), w.org.DT, 'accepted', '');
		const accepted = await w.mailsTo('awa@keoogo.test');
		expect(accepted.at(-1)!.subject).toContain('Dimitra Tanzanie a accepté');
		expect(accepted.at(-1)!.text).toContain('7–11 décembre 2026');

		moveVisit(w.db, w.ctx('awa'), w.target(other), 'cancel', 'Grève des transports', w.org.KEOOGO);
		const cancelled = (await w.mailsTo('lucia@dt.test')).at(-1)!;
		expect(cancelled.subject).toContain('KEOOGO canceló');
		expect(cancelled.text).toContain('Motivo:\nGrève des transports');
		expect(cancelled.text).toContain('Fechas: 7–11 de diciembre de 2026');
	});

	it('a visit step goes at once to whoever asked for it so', async () => {
		const id = w.proposal();
		answerVisit(w.db, w.ctx('lucia'), w.target(id), w.org.DT, 'accepted', '');
		savePreferences(w.db, w.person.awa, {
			proposals: 'mail',
			changes: 'mail',
			status: 'mail',
			reminders: 'mail'
		});
		moveVisit(w.db, w.ctx('lucia'), w.target(id), 'confirm');
		const mail = (await w.mailsTo('awa@keoogo.test')).at(-1)!;
		expect(mail.subject).toContain('est maintenant : Confirmée');
		expect(mail.text).toContain('Lieu : Bobo-Dioulasso, école Wend-Panga');
	});
});

describe('header injection', () => {
	it('a title with line breaks is refused by the form, and stays in the body when stored', async () => {
		const hostile = 'Visite\r\nBcc: x@evil.example\r\n\r\nFaux corps';
		const parsed = visitDetailsSchema.safeParse({ ...details, title: hostile });
		expect(parsed.success).toBe(false);

		w.proposal({ title: hostile });
		const [mail] = await w.mailsTo('lucia@dt.test');
		expect(w.smtp.received.flatMap((r) => r.to)).toEqual(['lucia@dt.test']);
		expect(mail.headers.has('bcc')).toBe(false);
		expect(mail.subject).toBe(
			'Passerelle · KEOOGO propone una visita: «Visite Bcc: x@evil.example Faux corps»'
		);
		expect(mail.text).toContain('Bcc: x@evil.example');
	});
});

describe('only what the reader may see', () => {
	it('a reader the policy does not let see the visit gets the sentence and the link only', () => {
		const id = w.proposal({}, w.org.DT, false);
		const visit = visitFacts(w.db, id)!;
		const karim = {
			id: w.person.karim,
			email: 'karim@aheed.test',
			locale: 'fr' as const,
			timeZone: 'UTC',
			actor: {
				id: w.person.karim,
				globalRole: 'member' as const,
				memberships: [{ organisationId: w.org.AHEED, role: 'coordinator' as const }]
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
			id: w.person.awa,
			actor: {
				...karim.actor,
				id: w.person.awa,
				memberships: [{ organisationId: w.org.KEOOGO, role: 'coordinator' as const }]
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
		w.db
			.insert(outbox)
			.values({ to: 'awa@keoogo.test', subject: 'Ancien', body: 'Texte', kind: 'test' })
			.run();
		const [mail] = await w.mailsTo('awa@keoogo.test');
		expect(mail.text?.trim()).toBe('Texte');
		expect(mail.html).toBe(false);
		expect(mail.headers.has('content-language')).toBe(false);
	});
});
