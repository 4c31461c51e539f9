import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { DB } from '../db';
import {
	actionUpdates,
	actions,
	agendaItems,
	lessonThemes,
	lessons,
	remindersSent,
	delegates,
	memberships,
	notifications,
	organisationThemes,
	organisations,
	themes,
	users,
	visitOrganisations,
	visitThemes,
	visits
} from '../db/schema';
import { hashPassword } from '../accounts/password';
import { recordAudit } from '../audit/log';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './data';
import { demoVisits } from './visits';
import { demoNotifications } from './notifications';
import { demoDelegates } from './delegates';
import { DEMO_AGENDA } from './agenda';
import { DEMO_LESSONS, demoActions } from './follow-up';
import { DEMO_EVALUATION } from './evaluation-data';
import { seedDemoEvaluation } from './evaluations';
import { reminderKind } from '../actions/reminders';
import { DEMO_PRACTICES } from './profiles';
import { practiceThemes, practices } from '../db/schema';
import { todayIn } from '../visits/completion';
import { seedLivingVisits } from './living';

export function isEmpty(db: DB) {
	return (db.select({ n: count() }).from(organisations).get()?.n ?? 0) === 0;
}

/**
 * Writes the demo network into an empty database; does nothing if any organisation exists. The
 * historical visits keep their dates; the living ones (living.ts) are placed around `now`, and
 * the evaluation links they mail point to `origin`.
 */
export async function seedDemo(
	db: DB,
	now = new Date(),
	origin = 'http://localhost:3000'
): Promise<boolean> {
	if (!isEmpty(db)) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => {
		const themeIds = new Map(
			tx
				.select()
				.from(themes)
				.all()
				.map((t) => [t.slug, t.id])
		);
		const themeId = (slug: string) => {
			const id = themeIds.get(slug);
			if (id === undefined) throw new Error(`Unknown demo theme ${slug}`);
			return id;
		};
		const orgIds = new Map<string, number>();
		for (const { key, themes: orgThemes, ...org } of DEMO_ORGANISATIONS) {
			const { id } = tx.insert(organisations).values(org).returning({ id: organisations.id }).get();
			orgIds.set(key, id);
			for (const slug of orgThemes) {
				tx.insert(organisationThemes)
					.values({ organisationId: id, themeId: themeId(slug) })
					.run();
			}
		}
		const orgId = (key: string) => orgIds.get(key)!;
		for (const { organisation, themes: slugs, ...p } of DEMO_PRACTICES) {
			const { id } = tx
				.insert(practices)
				.values({ ...p, organisationId: orgId(organisation) })
				.returning({ id: practices.id })
				.get();
			for (const slug of slugs)
				tx.insert(practiceThemes)
					.values({ practiceId: id, themeId: themeId(slug) })
					.run();
		}
		const userIds = new Map<string, number>();
		const visitIds = new Map<string, number>();
		for (const { organisation, role, ...user } of DEMO_USERS) {
			const { id } = tx
				.insert(users)
				.values({ ...user, passwordHash })
				.returning({ id: users.id })
				.get();
			userIds.set(user.email, id);
			tx.insert(memberships)
				.values({ userId: id, organisationId: orgId(organisation), role })
				.run();
		}
		for (const v of demoVisits(now)) {
			const host = v.organisations.find((o) => o.role === 'host')!;
			const { id } = tx
				.insert(visits)
				.values({
					title: v.title,
					kind: v.kind,
					status: v.status,
					objectives: v.objectives,
					hostOrganisationId: orgId(host.key),
					proposerOrganisationId: orgId(v.proposer),
					startsOn: v.startsOn,
					endsOn: v.endsOn,
					timeZone: v.timeZone,
					place: v.place,
					languages: v.languages,
					expectedSize: v.expectedSize,
					createdAt: v.proposedAt,
					updatedAt: v.proposedAt
				})
				.returning({ id: visits.id })
				.get();
			visitIds.set(v.title, id);
			for (const o of v.organisations) {
				tx.insert(visitOrganisations)
					.values({
						visitId: id,
						organisationId: orgId(o.key),
						role: o.role,
						response: o.response,
						respondedAt: o.response === 'invited' ? null : v.proposedAt
					})
					.run();
			}
			for (const slug of v.themes) {
				tx.insert(visitThemes)
					.values({ visitId: id, themeId: themeId(slug) })
					.run();
			}
			for (const { visit, organisation, account, ...d } of demoDelegates(now)) {
				if (!v.title.startsWith(visit)) continue;
				const user = account
					? tx.select({ id: users.id }).from(users).where(eq(users.email, account)).get()
					: undefined;
				tx.insert(delegates)
					.values({ ...d, visitId: id, organisationId: orgId(organisation), userId: user?.id })
					.run();
			}
			for (const { visit, lead, ...s } of DEMO_AGENDA) {
				if (!v.title.startsWith(visit)) continue;
				tx.insert(agendaItems)
					.values({
						...s,
						visitId: id,
						uid: randomUUID(),
						leadOrganisationId: lead ? orgId(lead) : null,
						createdAt: v.proposedAt,
						updatedAt: v.proposedAt
					})
					.run();
			}
			recordAudit(tx, {
				actorId: null,
				entity: 'visit',
				entityId: id,
				action: 'proposed',
				changes: { status: 'proposed' },
				at: v.proposedAt
			});
		}
		const visitIdOf = (start: string) =>
			[...visitIds.entries()].find(([title]) => title.startsWith(start))![1];
		const lessonIds = new Map<string, number>();
		for (const l of DEMO_LESSONS) {
			const { id } = tx
				.insert(lessons)
				.values({
					visitId: visitIdOf(l.visit),
					organisationId: orgId(l.organisation),
					title: l.title,
					observed: l.observed,
					adaptation: l.adaptation,
					visibility: l.visibility
				})
				.returning({ id: lessons.id })
				.get();
			lessonIds.set(l.title, id);
			for (const slug of l.themes) {
				tx.insert(lessonThemes)
					.values({ lessonId: id, themeId: themeId(slug) })
					.run();
			}
		}
		for (const a of demoActions(now)) {
			const last = a.updates.at(-1);
			const { id } = tx
				.insert(actions)
				.values({
					visitId: visitIdOf(a.visit),
					lessonId: lessonIds.get(a.lesson)!,
					title: a.title,
					details: a.details,
					ownerOrganisationId: orgId(a.owner),
					ownerUserId: a.ownerAccount ? userIds.get(a.ownerAccount) : null,
					dueOn: a.dueOn,
					status: a.status,
					doneAt: a.status === 'done' && last ? new Date(`${last[0]}T12:00:00Z`) : null,
					version: 1 + a.updates.length
				})
				.returning({ id: actions.id })
				.get();
			let status: (typeof a)['status'] = 'open';
			for (const [day, note, to] of a.updates) {
				tx.insert(actionUpdates)
					.values({
						actionId: id,
						note,
						fromStatus: to ? status : null,
						toStatus: to ?? null,
						createdAt: new Date(`${day}T12:00:00Z`)
					})
					.run();
				status = to ?? status;
			}
			// The reminders due so far count as sent: the demo starts with a quiet bell.
			const kind = reminderKind(a.dueOn, todayIn('UTC', now));
			if (kind && (a.status === 'open' || a.status === 'in_progress')) {
				tx.insert(remindersSent).values({ actionId: id, kind, sentAt: now }).run();
			}
		}
		seedDemoEvaluation(tx, visitIdOf(DEMO_EVALUATION.visit), now);
		for (const n of demoNotifications(now)) {
			tx.insert(notifications)
				.values({
					userId: userIds.get(n.to)!,
					kind: n.kind,
					visitId: visitIds.get(n.visit)!,
					payload: n.payload,
					createdAt: n.at
				})
				.run();
		}
		// Savepoints inside this transaction: the demo is written whole or not at all.
		seedLivingVisits(tx as unknown as DB, now, origin);
	});
	return true;
}
