// What reminders, evaluation links and invitations say, read the way a mail client reads them.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actions, delegates, users } from '../db/schema';
import { sendReminder } from '../actions/reminders';
import { openEvaluation } from '../evaluations/links';
import { createInvitation } from '../accounts/invitations';
import { ORIGIN, details, html, mailWorld } from './test-mail';

const w = mailWorld();

describe('reminders, evaluations, invitations', () => {
	it('an action reminder says what is due, by when, and what to do where', async () => {
		const id = w.proposal();
		const action = {
			id: 0,
			visitId: id,
			title: 'Envoyer le compte rendu aux familles',
			dueOn: '2027-01-20',
			ownerUserId: w.person.lucia,
			ownerOrganisationId: w.org.DT
		};
		action.id = w.db
			.insert(actions)
			.values({
				visitId: id,
				title: action.title,
				dueOn: action.dueOn,
				ownerUserId: w.person.lucia,
				ownerOrganisationId: w.org.DT
			})
			.returning()
			.get().id;
		sendReminder(w.db, action, 'due_in_7', new Date('2027-01-13T08:00:00Z'), ORIGIN);
		const mail = (await w.mailsTo('lucia@dt.test')).at(-1)!;
		expect(mail.text).toContain('Acción: Envoyer le compte rendu aux familles');
		expect(mail.text).toContain('Para el: 20 de enero de 2027');
		expect(mail.text).toContain(`${ORIGIN}/actions/${action.id}`);
		expect(mail.text).toContain('anote su avance o márquela como hecha');
		expect(html(mail)).toContain(`href="${ORIGIN}/actions/${action.id}"`);
	});

	it('an evaluation link says which visit and until when, in the reader’s time zone', async () => {
		const id = w.proposal();
		w.db
			.update(users)
			.set({ timeZone: 'America/Bogota' })
			.where(eq(users.id, w.person.lucia))
			.run();
		w.db
			.insert(delegates)
			.values({ visitId: id, organisationId: w.org.DT, name: 'Lucía', userId: w.person.lucia })
			.run();
		w.db
			.insert(delegates)
			.values({
				visitId: id,
				organisationId: w.org.KEOOGO,
				name: 'Safi',
				email: 'safi@keoogo.test'
			})
			.run();
		const now = new Date('2026-12-12T10:00:00Z');
		openEvaluation(
			w.db,
			{ actorId: null, origin: ORIGIN, now },
			{ id, title: details.title, languages: ['fr'] },
			{ anonymous: false }
		);
		const lucia = (await w.mailsTo('lucia@dt.test')).at(-1)!;
		expect(lucia.text).toContain('Hola, Lucía:');
		expect(lucia.text).toContain('Fechas: 7–11 de diciembre de 2026');
		// 60 days on, 05:00 in Bogotá.
		expect(lucia.text).toMatch(
			/Enlace válido hasta: 10 de febrero de 2027, 5:00 \(America\/Bogota\)/
		);
		expect(lucia.text).toMatch(new RegExp(`${ORIGIN}/e/[a-z2-7]{64}\\?lang=es`));
		// No account: the visit's language and time zone.
		const [safi] = await w.mailsTo('safi@keoogo.test');
		expect(safi.text).toContain(
			"Lien valable jusqu'au : 10 février 2027, 10:00 (Africa/Ouagadougou)"
		);
		expect(safi.headers.get('content-language')).toBe('fr');
	});

	it('an invitation names the organisation, role and expiry, in the network’s language and English', async () => {
		const { url } = createInvitation(
			w.db,
			{
				email: 'new@dt.test',
				organisationId: w.org.DT,
				role: 'coordinator',
				globalRole: 'member',
				invitedById: w.person.awa
			},
			ORIGIN,
			Date.parse('2026-12-01T09:00:00Z')
		);
		const [mail] = await w.mailsTo('new@dt.test');
		expect(mail.headers.get('content-language')).toBe('fr, en');
		expect(mail.subject).toBe('Invitation à rejoindre Passerelle / Invitation to join Passerelle');
		expect(mail.text).toContain('pour Dimitra Tanzanie');
		expect(mail.text).toContain('for Dimitra Tanzanie');
		expect(mail.text).toContain('Rôle : coordination');
		expect(mail.text).toContain('Role: coordinator');
		expect(mail.text).toMatch(/15 décembre 2026, 09:00 \(UTC\)/);
		expect(mail.text).toContain(url);
		expect(html(mail)).toContain(`href="${url}"`);
	});
});
