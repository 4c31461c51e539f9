// Notification texts, written when read (in the reader's language) from the kind and payload
// stored at the time: the page and the e-mail say the same thing.
import type { NotificationKind, Locale, VisitStatus } from '$lib/enums';
import { m } from './index';
import { formatDate, formatDateRange } from './format';
import { statusLabel } from './labels';
import { isolateNames } from './bidi';

export type NotificationPayload = Record<string, string | number>;

export function notificationText(
	kind: NotificationKind,
	raw: NotificationPayload,
	locale: Locale
): string {
	// In an Arabic sentence, French names need isolating to keep their place (page and e-mail).
	const p = locale === 'ar' ? isolateNames(raw) : raw;
	const o = { locale };
	const title = String(p.title ?? '');
	const organisation = String(p.organisation || m.notify_network({}, o));
	const dates = () =>
		p.startsOn && p.endsOn ? formatDateRange(String(p.startsOn), String(p.endsOn), locale) : '';
	switch (kind) {
		case 'visit_proposed':
			return m.notify_visit_proposed({ organisation, title }, o);
		case 'visit_answered':
			return p.response === 'declined'
				? m.notify_visit_declined({ organisation, title, reason: String(p.reason ?? '') }, o)
				: m.notify_visit_accepted({ organisation, title }, o);
		case 'visit_dates_proposed':
			return m.notify_dates_proposed({ organisation, title, dates: dates() }, o);
		case 'visit_dates_answered':
			return p.response === 'accepted'
				? m.notify_dates_accepted({ organisation, title, dates: dates() }, o)
				: m.notify_dates_rejected({ organisation, title, dates: dates() }, o);
		case 'visit_dates_changed':
			return m.notify_dates_changed({ organisation, title, dates: dates() }, o);
		case 'visit_status': {
			const status = statusLabel[p.status as VisitStatus]?.({}, o) ?? String(p.status);
			return p.reopened
				? m.notify_visit_reopened({ title, status, reason: String(p.reason ?? '') }, o)
				: m.notify_visit_status({ title, status }, o);
		}
		case 'visit_cancelled':
			return m.notify_visit_cancelled({ organisation, title, reason: String(p.reason ?? '') }, o);
		case 'action_reminder': {
			const date = p.dueOn ? formatDate(String(p.dueOn), locale) : '';
			if (p.reminder === 'due_today') return m.notify_action_due_today({ title }, o);
			if (p.reminder === 'due_in_7') return m.notify_action_due_soon({ title, date }, o);
			return m.notify_action_overdue({ title, date }, o);
		}
		case 'evaluation_opened':
			return m.notify_evaluation_opened({ title }, o);
		case 'evaluation_reminder':
			return m.notify_evaluation_reminder({ title }, o);
	}
}
