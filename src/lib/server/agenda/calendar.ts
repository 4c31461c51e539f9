// Programmes as iCalendar for calendar apps: one event per session. Times go out as UTC instants
// (computed in the visit's zone), so no VTIMEZONE is needed and every app shows the right hour;
// the UID never changes and SEQUENCE is the session's version, so a re-import or a feed refresh
// updates the event instead of adding a copy.
import ical, { ICalCalendarMethod, ICalEventStatus, escape } from 'ical-generator';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '../db';
import { agendaItems, organisations, visitOrganisations, visits } from '../db/schema';
import { can, type Actor, type VisitTarget } from '../policy';
import { instant } from '$lib/agenda';
import { dataVersion } from '../db/version';
import { preparedOnce } from '../db/prepared';
import { getLocale, m } from '$lib/i18n';
import { agendaKindLabel } from '$lib/i18n/labels';
import type { VisitStatus } from '$lib/enums';
import { VISIT_STATUS } from '$lib/visit-lifecycle';

/** Appended to each session's random UID: RFC 5545 wants UIDs unique beyond this one server. */
export const UID_SUFFIX = '@passerelle';
const PRODID = { company: 'Passerelle', product: 'Programme', language: 'EN' };
/** How often subscribed apps should look again (apps may wait longer; none refresh on demand). */
const FEED_REFRESH_SECONDS = 60 * 60;

export type CalendarVisit = { id: number; title: string; timeZone: string; status: VisitStatus };

/**
 * Stored text as iCalendar may carry it: RFC 5545 TEXT allows no control character but the line
 * breaks (which ical-generator escapes), and a broken UTF-16 pair cannot be written as UTF-8.
 */
function text(value: string): string;
function text(value: string | null): string | null;
function text(value: string | null) {
	return value === null
		? null
		: value.toWellFormed().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function sessionsOf(db: DB, visitIds: number[]) {
	if (!visitIds.length) return [];
	return db
		.select({ item: agendaItems, leadOrganisation: organisations.name })
		.from(agendaItems)
		.leftJoin(organisations, eq(agendaItems.leadOrganisationId, organisations.id))
		.where(inArray(agendaItems.visitId, visitIds))
		.orderBy(asc(agendaItems.day), asc(agendaItems.startsAt), asc(agendaItems.position))
		.all();
}

type SessionRow = ReturnType<typeof sessionsOf>[number];

/** What a calendar app shows under the title, in the reader's language. */
function description({ item, leadOrganisation }: SessionRow, visit: CalendarVisit) {
	const lead = [leadOrganisation, item.leadName].filter(Boolean).join(' — ');
	return [
		visit.title,
		agendaKindLabel[item.kind](),
		// Apps show the reader's own zone; the hosts' clock is what the programme says.
		m.calendar_local_time({
			start: item.startsAt,
			end: item.endsAt,
			zone: visit.timeZone
		}),
		lead && m.calendar_led_by({ lead }),
		item.notes
	]
		.filter(Boolean)
		.map((line) => text(line!))
		.join('\n');
}

const revisions = preparedOnce((db: DB) =>
	db.$client.prepare(
		'SELECT total(n) FROM agenda_revisions WHERE visit_id IN (SELECT value FROM json_each(?))'
	)
);

/**
 * Documents already built, by everything they are made of: ical-generator (v10, the last for
 * Node 20) folds lines with a TextEncoder per character, a third of a calendar request's time.
 * The programmes' revisions (migration 0012) and the data generation (visits, organisations)
 * move with every change a document shows, and nothing else goes in it.
 */
const builtFor = preparedOnce((_db: DB) => new Map<string, string>());

type CalendarOptions = { name: string; visits: CalendarVisit[]; origin: string; refresh?: boolean };

/** An iCalendar document with every session of these visits. */
export function buildCalendar(db: DB, options: CalendarOptions): string {
	const ids = JSON.stringify(options.visits.map((v) => v.id));
	const key = [
		dataVersion(db.$client),
		revisions(db).pluck().get(ids),
		getLocale(),
		JSON.stringify(options)
	].join('|');
	const built = builtFor(db);
	let document = built.get(key);
	if (document === undefined) {
		document = calendarDocument(db, options);
		if (built.size >= 200) built.clear();
		built.set(key, document);
	}
	return document;
}

function calendarDocument(db: DB, options: CalendarOptions): string {
	const calendar = ical({
		// ical-generator 10 escapes event texts but writes the calendar's NAME and X-WR-CALNAME as
		// given: a visit title with line breaks would add lines (whole events) to the file.
		name: escape(text(options.name), false),
		prodId: PRODID,
		method: ICalCalendarMethod.PUBLISH,
		ttl: options.refresh ? FEED_REFRESH_SECONDS : null
	});
	const byId = new Map(options.visits.map((v) => [v.id, v]));
	for (const row of sessionsOf(db, [...byId.keys()])) {
		const { item } = row;
		const visit = byId.get(item.visitId)!;
		calendar.createEvent({
			id: item.uid + UID_SUFFIX,
			sequence: item.version,
			start: instant(item.day, item.startsAt, visit.timeZone),
			end: instant(item.day, item.endsAt, visit.timeZone),
			stamp: item.updatedAt,
			lastModified: item.updatedAt,
			created: item.createdAt,
			summary: text(item.title),
			location: text(item.place || null),
			description: description(row, visit),
			url: `${options.origin}/visits/${visit.id}/agenda`,
			// A downloaded file of a cancelled visit still cancels the events it once added.
			status:
				visit.status === VISIT_STATUS.cancelled
					? ICalEventStatus.CANCELLED
					: ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}

/** One visit's programme, for the download on its agenda page. */
export function visitCalendar(db: DB, visit: CalendarVisit, origin: string) {
	return buildCalendar(db, { name: visit.title, visits: [visit], origin });
}

/** The visits `actor`'s feed holds: candidates by membership in SQL, the decision by the policy. */
export function feedVisits(db: DB, actor: NonNullable<Actor>): CalendarVisit[] {
	const own = (actor.memberships ?? []).map((m) => m.organisationId);
	if (!own.length) return [];
	const candidates = db
		.selectDistinct({ id: visitOrganisations.visitId })
		.from(visitOrganisations)
		.where(inArray(visitOrganisations.organisationId, own))
		.all()
		.map((r) => r.id);
	if (!candidates.length) return [];
	const rows = db
		.select()
		.from(visits)
		.where(inArray(visits.id, candidates))
		.orderBy(asc(visits.startsOn))
		.all();
	const parts = db
		.select()
		.from(visitOrganisations)
		.where(inArray(visitOrganisations.visitId, candidates))
		.all();
	return rows
		.filter((v) => {
			const target: VisitTarget = {
				kind: v.kind,
				status: v.status,
				hostOrganisationId: v.hostOrganisationId,
				proposerOrganisationId: v.proposerOrganisationId,
				participants: parts.filter((p) => p.visitId === v.id)
			};
			return can(actor, 'calendar.feed', target);
		})
		.map(({ id, title, timeZone, status }) => ({ id, title, timeZone, status }));
}

/**
 * A file name every browser and OS accepts in a quoted Content-Disposition: ASCII letters, digits
 * and dashes only ("Visite à Bobo" → "programme-12-visite-a-bobo.ics").
 */
export function calendarFileName(visit: { id: number; title: string }) {
	const slug = visit.title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `programme-${visit.id}${slug ? `-${slug}` : ''}.ics`;
}
