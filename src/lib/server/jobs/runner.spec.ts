import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { auditEvents, jobMarks, notifications, outbox, visits } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { JOBS, appOrigin, runAllJobs, startJobs, type Job } from './runner';
import { isMarked, once } from './marks';
import { completeFinishedVisits, todayIn } from '../visits/completion';
import { savePreferences } from '../notifications/preferences';
import type { VisitStatus } from '$lib/enums';

const OPTIONS = { origin: 'https://passerelle.example.org' };
// Noon in UTC: already 11 March, 01:00 in Auckland (UTC+13 in summer); 07:00 on 10 March in Lima.
const NOW = new Date('2025-03-10T12:00:00Z');

let db: DB;
let host: number;
let visitor: number;
let facilitator: number;
let declined: number;

beforeEach(() => {
	db = createTestDb();
	host = addOrganisation(db, 'HOST');
	visitor = addOrganisation(db, 'VISITOR');
	facilitator = addOrganisation(db, 'PARTAGE', 'Europe/Paris');
	declined = addOrganisation(db, 'NOT-COMING');
	addUser(db, 'host@example.org', { memberOf: [[host, 'coordinator']] });
	const spanish = addUser(db, 'visitor@example.org', {
		locale: 'es',
		memberOf: [[visitor, 'coordinator']]
	});
	// A visit's steps wait for the digest unless one asks for them at once, as this person does.
	savePreferences(db, spanish, {
		proposals: 'mail',
		changes: 'mail',
		status: 'mail',
		reminders: 'mail'
	});
	addUser(db, 'staff@example.org', { memberOf: [[facilitator, 'coordinator']] });
	addUser(db, 'member@example.org', { memberOf: [[visitor, 'member']] });
	addUser(db, 'declined@example.org', { memberOf: [[declined, 'coordinator']] });
});

const visit = (status: VisitStatus, endsOn: string, timeZone: string) =>
	addVisit(db, {
		status,
		startsOn: '2025-03-01',
		endsOn,
		timeZone,
		organisations: [
			[host, 'host'],
			[visitor, 'visitor'],
			[facilitator, 'facilitator'],
			[declined, 'visitor', 'declined']
		]
	});

const statusOf = (id: number) =>
	db.select({ s: visits.status }).from(visits).where(eq(visits.id, id)).get()!.s;
const complete = (now = NOW) => completeFinishedVisits.run(db, now, OPTIONS);

describe('todayIn', () => {
	it('reads the calendar date where the visit takes place', () => {
		expect(todayIn('Pacific/Auckland', NOW)).toBe('2025-03-11');
		expect(todayIn('America/Lima', NOW)).toBe('2025-03-10');
		expect(todayIn('UTC', NOW)).toBe('2025-03-10');
	});
});

describe('completing finished visits', () => {
	it('completes a visit once its last day is over in its own time zone, not before', () => {
		const auckland = visit('accepted', '2025-03-10', 'Pacific/Auckland');
		const lima = visit('confirmed', '2025-03-10', 'America/Lima');
		const limaYesterday = visit('confirmed', '2025-03-09', 'America/Lima');
		const later = visit('accepted', '2025-03-20', 'Pacific/Auckland');

		expect(complete()).toHaveLength(2);
		expect(statusOf(auckland)).toBe('completed');
		expect(statusOf(limaYesterday)).toBe('completed');
		expect(statusOf(lima)).toBe('confirmed');
		expect(statusOf(later)).toBe('accepted');

		// 23:59 in Lima on the last day: still running. A minute later: over.
		expect(complete(new Date('2025-03-11T04:59:00Z'))).toEqual([]);
		expect(complete(new Date('2025-03-11T05:00:00Z'))).toHaveLength(1);
		expect(statusOf(lima)).toBe('completed');
	});

	it('never touches a draft, proposed, declined, cancelled, completed or closed visit', () => {
		const others = (
			['draft', 'proposed', 'declined', 'cancelled', 'completed', 'closed'] as const
		).map((s) => [s, visit(s, '2025-03-05', 'UTC')] as const);
		expect(complete()).toEqual([]);
		for (const [status, id] of others) expect(statusOf(id)).toBe(status);
		expect(db.select().from(auditEvents).all()).toEqual([]);
		expect(db.select().from(notifications).all()).toEqual([]);
	});

	it('records it in the audit log, bumps the version and tells the coordinators who take part', () => {
		const id = visit('confirmed', '2025-03-01', 'Africa/Ouagadougou');
		complete();
		const row = db.select().from(visits).where(eq(visits.id, id)).get()!;
		expect(row.version).toBe(2);
		expect(db.select().from(auditEvents).all()).toMatchObject([
			{
				actorId: null,
				entity: 'visit',
				entityId: String(id),
				action: 'completed',
				changes: { status: 'completed', automatic: true }
			}
		]);
		const told = db
			.select()
			.from(outbox)
			.all()
			.map((m) => m.to)
			.sort();
		expect(told).toEqual(['visitor@example.org']);
		expect(db.select().from(notifications).all()).toHaveLength(3);
		expect(
			db
				.select({ delivery: notifications.delivery })
				.from(notifications)
				.all()
				.map((n) => n.delivery)
				.sort()
		).toEqual(['digest', 'digest', 'mail']);
		expect(db.select().from(notifications).all()[0]).toMatchObject({
			kind: 'visit_status',
			visitId: id,
			payload: { status: 'completed' }
		});
		const spanish = db.select().from(outbox).where(eq(outbox.to, 'visitor@example.org')).get()!;
		expect(spanish.body).toContain('ahora está: Realizada');
		expect(spanish.body).toContain(`https://passerelle.example.org/visits/${id}`);
		expect(isMarked(db, 'complete-finished-visits', `visit:${id}`)).toBe(true);
	});

	it('does its work once: a second run, or a restart, changes and sends nothing', async () => {
		visit('accepted', '2025-03-01', 'UTC');
		visit('confirmed', '2025-03-02', 'UTC');
		expect(complete()).toHaveLength(2);
		const counts = () =>
			[auditEvents, notifications, outbox, jobMarks].map((t) => db.select().from(t).all().length);
		expect(complete()).toEqual([]);
		// The first full run sends the digests of that news (host and staff chose no e-mail at once).
		const later = new Date('2025-04-01T09:00:00Z');
		const first = await runAllJobs(db, later, OPTIONS);
		expect(first.map((r) => [r.job, r.done.length])).toEqual([
			['complete-finished-visits', 0],
			['action-reminders', 0],
			['evaluation-reminders', 0],
			['expire-idempotency-keys', 0],
			['daily-digest', 2]
		]);
		const before = counts();
		expect(await runAllJobs(db, later, OPTIONS)).toEqual([
			{ job: 'complete-finished-visits', done: [] },
			{ job: 'action-reminders', done: [] },
			{ job: 'evaluation-reminders', done: [] },
			{ job: 'expire-idempotency-keys', done: [] },
			{ job: 'daily-digest', done: [] }
		]);
		expect(counts()).toEqual(before);
	});

	it('leaves alone a visit it already completed once, even if it is running again', () => {
		const id = visit('accepted', '2025-03-01', 'UTC');
		complete();
		db.update(visits).set({ status: 'accepted' }).where(eq(visits.id, id)).run();
		expect(complete()).toEqual([]);
		expect(statusOf(id)).toBe('accepted');
	});
});

describe('once', () => {
	it('does the work for a key only once, and not at all when the work declines', () => {
		const work = vi.fn(() => true);
		expect(once(db, 'reminder', 'action:1', NOW, work)).toBe(true);
		expect(once(db, 'reminder', 'action:1', NOW, work)).toBe(false);
		expect(work).toHaveBeenCalledTimes(1);
		expect(once(db, 'reminder', 'action:2', NOW, () => false)).toBe(false);
		expect(isMarked(db, 'reminder', 'action:2')).toBe(false);
		expect(
			db
				.select()
				.from(jobMarks)
				.where(and(eq(jobMarks.job, 'reminder'), eq(jobMarks.key, 'action:1')))
				.get()?.doneAt
		).toEqual(NOW);
	});
});

describe('the scheduler', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('lists the completion job', () => {
		expect(JOBS.map((j) => j.name)).toContain('complete-finished-visits');
		expect(appOrigin({ PORT: '8080' })).toBe('http://localhost:8080');
		expect(appOrigin({ ORIGIN: 'https://p.example.org' })).toBe('https://p.example.org');
	});

	it('runs soon after start, then periodically, never beside itself', async () => {
		vi.useFakeTimers();
		let finish = () => {};
		const slow: Job = {
			name: 'slow',
			run: vi.fn(
				() =>
					new Promise<string[]>((done) => {
						finish = () => done(['did one thing']);
					})
			)
		};
		const failing: Job = {
			name: 'failing',
			run: () => {
				throw new Error('boom');
			}
		};
		const log = vi.fn();
		const stop = startJobs(db, {
			jobs: [slow, failing],
			firstAfterMs: 1_000,
			everyMs: 60_000,
			log
		});
		expect(slow.run).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(slow.run).toHaveBeenCalledTimes(1);
		// Still running when its next turns come: skipped.
		await vi.advanceTimersByTimeAsync(120_000);
		expect(slow.run).toHaveBeenCalledTimes(1);
		finish();
		await vi.advanceTimersByTimeAsync(0);
		expect(log).toHaveBeenCalledWith('Passerelle job slow: did one thing');
		expect(log).toHaveBeenCalledWith('Passerelle job failing failed: boom');
		await vi.advanceTimersByTimeAsync(60_000);
		expect(slow.run).toHaveBeenCalledTimes(2);
		stop();
		finish();
		await vi.advanceTimersByTimeAsync(600_000);
		expect(slow.run).toHaveBeenCalledTimes(2);
	});
});
