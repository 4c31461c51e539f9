// What each e-mail says, kind by kind, in the recipient's language: the sentence the app shows,
// then the substance (who, when, where, what for), the link and what to do there. A recipient
// the policy does not let see the visit gets the sentence and the link only.
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { organisations, visitOrganisations, visits } from '../db/schema';
import { can } from '../policy';
import type { Recipient } from './recipients';
import type { Letter } from './letter';
import { intlLocale, m } from '$lib/i18n';
import { formatDate, formatDateRange } from '$lib/i18n/format';
import { notificationText, type NotificationPayload } from '$lib/i18n/notifications';
import type { Locale, NotificationKind, VisitOrgRole } from '$lib/enums';

export type VisitFacts = NonNullable<ReturnType<typeof visitFacts>>;

/** The visit as its letters need it, read in the transaction that writes them. */
export function visitFacts(tx: Tx, visitId: number) {
	const visit = tx.select().from(visits).where(eq(visits.id, visitId)).get();
	if (!visit) return undefined;
	const participants = tx
		.select({
			organisationId: visitOrganisations.organisationId,
			role: visitOrganisations.role,
			response: visitOrganisations.response,
			name: organisations.name
		})
		.from(visitOrganisations)
		.innerJoin(organisations, eq(visitOrganisations.organisationId, organisations.id))
		.where(eq(visitOrganisations.visitId, visitId))
		.orderBy(asc(organisations.name))
		.all();
	return { ...visit, participants };
}

/** A moment in the reader's language and time zone, the zone named: "3 March 2027, 14:00 (…)". */
export function formatMoment(moment: Date, locale: Locale, timeZone: string) {
	const tag = intlLocale(locale);
	const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone }).format(moment);
	const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone }).format(moment);
	return `${date}${locale === 'ar' ? '،' : ','} ${time} (${timeZone})`;
}

function names(visit: VisitFacts, role: VisitOrgRole, locale: Locale) {
	const list = visit.participants.filter((p) => p.role === role).map((p) => p.name);
	return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(list);
}

/** Who, when, where and what for: the visit's substance, for a reader who may see it. */
export function visitLines(visit: VisitFacts, locale: Locale): [string, string][] {
	const o = { locale };
	const lines: [string, string][] = [[m.inbox_fact_visit({}, o), visit.title]];
	const host = names(visit, 'host', locale);
	const visitors = names(visit, 'visitor', locale);
	if (host) lines.push([m.inbox_fact_host({}, o), host]);
	if (visitors) lines.push([m.inbox_fact_visitors({}, o), visitors]);
	lines.push([m.inbox_fact_dates({}, o), formatDateRange(visit.startsOn, visit.endsOn, locale)]);
	lines.push([m.inbox_fact_time_zone({}, o), visit.timeZone]);
	if (visit.place.trim()) lines.push([m.inbox_fact_place({}, o), visit.place]);
	if (visit.objectives.trim()) lines.push([m.inbox_fact_objectives({}, o), visit.objectives]);
	return lines;
}

export function mayRead(r: Recipient, visit: VisitFacts) {
	return can(r.actor, 'visit.see', {
		kind: visit.kind,
		status: visit.status,
		hostOrganisationId: visit.hostOrganisationId,
		proposerOrganisationId: visit.proposerOrganisationId,
		participants: visit.participants
	});
}

export function preferencesFooter(origin: string, locale: Locale) {
	return [{ text: m.inbox_footer_preferences({}, { locale }), url: `${origin}/account#inbox` }];
}

const ANSWER_HINTS: Partial<Record<NotificationKind, (o: { locale: Locale }) => string>> = {
	visit_proposed: (o) => m.inbox_hint_proposal({}, o),
	visit_dates_proposed: (o) => m.inbox_hint_dates({}, o)
};

/** The e-mail of a notification about a visit (every kind but reminders and evaluations). */
export function visitLetter(
	kind: NotificationKind,
	payload: NotificationPayload,
	visit: VisitFacts,
	r: Recipient,
	origin: string
): Letter {
	const locale = r.locale;
	const o = { locale };
	const lead = notificationText(kind, payload, locale);
	const letter: Letter = {
		locale,
		subject: `${m.app_name({}, o)} · ${lead}`,
		lead,
		action: {
			label: m.inbox_open_visit({}, o),
			url: `${origin}/visits/${visit.id}`,
			hint: (ANSWER_HINTS[kind] ?? ((o) => m.inbox_hint_visit({}, o)))(o)
		},
		footer: preferencesFooter(origin, locale)
	};
	if (!mayRead(r, visit)) return letter;
	const facts = visitLines(visit, locale);
	if (kind === 'visit_dates_proposed' && payload.startsOn && payload.endsOn) {
		const proposed = formatDateRange(String(payload.startsOn), String(payload.endsOn), locale);
		const at = facts.findIndex(([label]) => label === m.inbox_fact_dates({}, o));
		facts.splice(at, 1, [m.inbox_fact_current_dates({}, o), facts[at][1]]);
		facts.splice(at, 0, [m.inbox_fact_proposed_dates({}, o), proposed]);
	}
	letter.facts = facts;
	const words = String(payload.note ?? payload.reason ?? '').trim();
	if (words) {
		const label = payload.note ? m.inbox_note({}, o) : m.inbox_reason({}, o);
		letter.quote = { label, text: words };
	}
	return letter;
}

/** An action reminder: what is due, by when, where to answer and what to do there. */
export function reminderLetter(
	action: { id: number; title: string; dueOn: string },
	payload: NotificationPayload,
	visit: VisitFacts | undefined,
	r: Recipient,
	origin: string
): Letter {
	const locale = r.locale;
	const o = { locale };
	const lead = notificationText('action_reminder', payload, locale);
	const facts: [string, string][] = [
		[m.inbox_fact_action({}, o), action.title],
		[m.inbox_fact_due({}, o), formatDate(action.dueOn, locale)]
	];
	if (visit && mayRead(r, visit)) {
		facts.push([
			m.inbox_fact_visit({}, o),
			`${visit.title} (${formatDateRange(visit.startsOn, visit.endsOn, locale)})`
		]);
	}
	return {
		locale,
		subject: `${m.app_name({}, o)} · ${lead}`,
		lead,
		facts,
		action: {
			label: m.inbox_open_action({}, o),
			url: `${origin}/actions/${action.id}`,
			hint: m.inbox_hint_action({}, o)
		},
		footer: preferencesFooter(origin, locale)
	};
}

/** A private evaluation link: which visit, the link, until when, and how the sheet works. */
export function evaluationLetter(
	kind: 'open' | 'reminder',
	name: string,
	visit: VisitFacts,
	link: string,
	expires: Date,
	locale: Locale,
	timeZone: string
): Letter {
	const o = { locale };
	const title = visit.title;
	return {
		locale,
		subject: `${m.app_name({}, o)} · ${m.eval_mail_subject({ title }, o)}`,
		greeting: m.eval_mail_hello({ name }, o),
		lead:
			kind === 'open'
				? m.inbox_eval_open_lead({ title }, o)
				: m.inbox_eval_reminder_lead({ title }, o),
		facts: [
			...visitLines(visit, locale).filter(([l]) => l !== m.inbox_fact_objectives({}, o)),
			[m.inbox_fact_valid_until({}, o), formatMoment(expires, locale, timeZone)]
		],
		action: { label: m.inbox_open_sheet({}, o), url: link, hint: m.inbox_hint_sheet({}, o) }
	};
}

/** An invitation to join: which organisation, in what role, the link and how long it works. */
export function invitationLetter(
	organisation: string | undefined,
	role: string | null,
	url: string,
	expires: Date,
	locale: Locale,
	timeZone: string
): Letter {
	const o = { locale };
	const lead = organisation
		? m.inbox_invite_lead({ organisation }, o)
		: m.inbox_invite_lead_network({}, o);
	const facts: [string, string][] = [];
	if (organisation) facts.push([m.inbox_fact_organisation({}, o), organisation]);
	if (role === 'coordinator' || role === 'member') {
		const label = role === 'coordinator' ? m.membership_coordinator : m.membership_member;
		facts.push([m.inbox_fact_role({}, o), label({}, o)]);
	}
	facts.push([m.inbox_fact_valid_until({}, o), formatMoment(expires, locale, timeZone)]);
	return {
		locale,
		subject: m.inbox_invite_subject({}, o),
		greeting: m.inbox_hello({}, o),
		lead,
		facts,
		action: { label: m.inbox_invite_create({}, o), url, hint: m.inbox_invite_hint({}, o) }
	};
}
