import { networkMap } from '../network/map';
import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { actions, lessons, notifications, outbox, remindersSent, themes } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { createLesson, experienceOn, ftsQuery, lessonsOfVisit, listLessons } from './record';
import { exportActions, getAction, listActions } from '../actions/tracking';
import { addProgress, createAction, editAction } from '../actions/changes';
import { actionReminders, reminderKind } from '../actions/reminders';
import { completionRate, dashboard } from '../dashboard/figures';
import { actionSchema, lessonSchema } from '$lib/schemas/lesson';

let db: DB;
let keoogo: number, dt: number, racines: number, visitId: number, themeId: number;
let keoogoCoordinator: number;

const lesson = (values: Partial<Parameters<typeof createLesson>[3]> = {}) =>
	createLesson(db, null, visitId, {
		organisationId: keoogo,
		title: 'Réunion avec la circonscription',
		observed: 'Les moniteurs travaillent en binôme.',
		adaptation: 'Créer des liens étroits avec les autorités de tutelle.',
		visibility: 'network',
		themeIds: [themeId],
		...values
	});

const action = (
	values: Partial<Parameters<typeof createAction>[3]> = {},
	due = { today: '2024-01-01', confirmed: false }
) =>
	createAction(
		db,
		null,
		visitId,
		{
			title: 'Contacter la circonscription',
			details: '',
			ownerOrganisationId: keoogo,
			dueOn: '2024-09-30',
			...values
		},
		due
	);

beforeEach(() => {
	db = createTestDb();
	keoogo = addOrganisation(db, 'KEOOGO');
	dt = addOrganisation(db, 'DT');
	racines = addOrganisation(db, 'RACINES', 'Africa/Porto-Novo');
	keoogoCoordinator = addUser(db, 'c@keoogo.org', { memberOf: [[keoogo, 'coordinator']] });
	visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2024-05-05',
		endsOn: '2024-05-10',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[dt, 'host'],
			[keoogo, 'visitor']
		]
	});
	themeId = db.select().from(themes).get()!.id;
});

describe('lesson input', () => {
	it('refuses a 1 MB body with too_long, not a crash', () => {
		const parsed = lessonSchema.safeParse({
			organisationId: '1',
			title: 'T',
			observed: 'x'.repeat(1_000_000),
			adaptation: '',
			visibility: 'network'
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]).toMatchObject({ path: ['observed'], message: 'too_long' });
	});

	it('refuses an organisation that does not take part in the visit, writing nothing', () => {
		expect(lesson({ organisationId: racines })).toEqual({ ok: false, field: 'organisationId' });
		expect(db.select({ n: count() }).from(lessons).get()!.n).toBe(0);
	});
});

describe('full-text search', () => {
	it('quotes every word, so FTS syntax is plain text', () => {
		expect(ftsQuery('"')).toBeNull();
		expect(ftsQuery('*')).toBeNull();
		expect(ftsQuery('NEAR(a b')).toBe('"NEAR"* "a"* "b"*');
		expect(ftsQuery('réunion OR x"y')).toBe('"réunion"* "OR"* "x"* "y"*');
	});

	it('never fails on syntax characters', () => {
		lesson();
		for (const q of ['"', '*', 'NEAR(', 'a AND', '(', 'title:x', '^', '-', "l'école", '""*"']) {
			expect(() => listLessons(db, { q, viewer: null })).not.toThrow();
		}
	});

	it('folds accents and case both ways', () => {
		lesson();
		expect(listLessons(db, { q: 'reunion', viewer: null }).total).toBe(1);
		expect(listLessons(db, { q: 'RÉUNION', viewer: null }).total).toBe(1);
		expect(listLessons(db, { q: 'binome moniteur', viewer: null }).total).toBe(1);
		expect(listLessons(db, { q: 'bibliothèque', viewer: null }).total).toBe(0);
	});

	it('keeps the index in step with edits and deletions', () => {
		const created = lesson();
		if (!created.ok) throw new Error('not created');
		db.update(lessons).set({ title: 'Cantines' }).where(eq(lessons.id, created.id)).run();
		expect(listLessons(db, { q: 'reunion', viewer: null }).total).toBe(0);
		expect(listLessons(db, { q: 'cantine', viewer: null }).total).toBe(1);
		db.delete(lessons).where(eq(lessons.id, created.id)).run();
		expect(listLessons(db, { q: 'cantine', viewer: null }).total).toBe(0);
	});
});

describe('participants-only lessons', () => {
	it('are invisible to other organisations: lists, search, actions and CSV', () => {
		const secret = lesson({ visibility: 'participants', title: 'Confidentiel' });
		lesson({ title: 'Public' });
		if (!secret.ok) throw new Error('not created');
		action({ lessonId: secret.id, title: 'Suite confidentielle' });
		const outsider = [racines];
		expect(listLessons(db, { viewer: outsider }).items.map((l) => l.title)).toEqual(['Public']);
		expect(listLessons(db, { q: 'confidentiel', viewer: outsider }).total).toBe(0);
		expect(lessonsOfVisit(db, visitId, outsider)).toHaveLength(1);
		const today = '2024-06-01';
		expect(listActions(db, { viewer: outsider, today }).total).toBe(0);
		expect([...exportActions(db, { viewer: outsider, today })]).toHaveLength(0);
		// The visit's own organisations and staff see everything.
		expect(listLessons(db, { viewer: [dt] }).total).toBe(2);
		expect(listActions(db, { viewer: [keoogo], today }).total).toBe(1);
		expect(listLessons(db, { q: 'confidentiel', viewer: null }).total).toBe(1);
	});

	it('ranks organisations by their lessons and visits on a theme', () => {
		lesson();
		lesson({ title: 'Encore' });
		lesson({ organisationId: dt, visibility: 'participants' });
		db.run(`INSERT INTO visit_themes (visit_id, theme_id) VALUES (${visitId}, ${themeId})`);
		const ranked = experienceOn(db, themeId, [racines]);
		expect(ranked.map((o) => [o.name, o.lessons, o.visits])).toEqual([
			['KEOOGO', 2, 1],
			['DT', 0, 1]
		]);
	});
});

describe('actions', () => {
	it('refuses a due date that does not exist', () => {
		const parsed = actionSchema.safeParse({
			title: 'x',
			ownerOrganisationId: '1',
			dueOn: '2024-02-31'
		});
		expect(parsed.error?.issues[0]).toMatchObject({ path: ['dueOn'], message: 'invalid_date' });
	});

	it('refuses an owner organisation not in the visit, writing nothing', () => {
		expect(action({ ownerOrganisationId: racines })).toEqual({
			ok: false,
			field: 'ownerOrganisationId'
		});
		expect(
			action({ ownerUserId: addUser(db, 'x@dt.org', { memberOf: [[dt, 'member']] }) })
		).toEqual({
			ok: false,
			field: 'ownerUserId'
		});
		expect(db.select({ n: count() }).from(actions).get()!.n).toBe(0);
	});

	it('asks before recording an action already due, then saves it once', () => {
		const late = { today: '2024-10-01', confirmed: false };
		expect(action({ dueOn: '2024-09-30' }, late)).toEqual({
			ok: false,
			field: 'dueOn',
			past: true
		});
		expect(db.select({ n: count() }).from(actions).get()!.n).toBe(0);
		expect(action({ dueOn: '2024-10-01' }, late).ok).toBe(true);
		expect(action({ dueOn: '2024-09-30' }, { ...late, confirmed: true }).ok).toBe(true);
		expect(db.select({ n: count() }).from(actions).get()!.n).toBe(2);
	});

	it('asks again only when an edit moves the due date into the past', () => {
		const created = action({ dueOn: '2024-09-30' });
		if (!created.ok) throw new Error('not created');
		const current = { id: created.id, visitId, version: 1, dueOn: '2024-09-30' };
		const later = { today: '2024-10-15', confirmed: false };
		const input = {
			title: 'Rappeler la circonscription',
			details: '',
			ownerOrganisationId: keoogo,
			dueOn: '2024-09-30',
			version: 1
		};
		expect(editAction(db, null, current, input, later)).toEqual({ ok: true });
		const moved = { ...input, dueOn: '2024-10-10', version: 2 };
		const asked = editAction(db, null, { ...current, version: 2 }, moved, later);
		expect(asked).toEqual({ ok: false, field: 'dueOn', past: true });
		expect(getAction(db, created.id, null)!.dueOn).toBe('2024-09-30');
		expect(
			editAction(db, null, { ...current, version: 2 }, moved, { ...later, confirmed: true })
		).toEqual({ ok: true });
		expect(getAction(db, created.id, null)!.dueOn).toBe('2024-10-10');
	});

	it('keeps the history of progress and status changes', () => {
		const created = action();
		if (!created.ok) throw new Error('not created');
		addProgress(
			db,
			keoogoCoordinator,
			{ id: created.id, status: 'open' },
			{ note: 'Appel', status: 'in_progress' }
		);
		addProgress(
			db,
			keoogoCoordinator,
			{ id: created.id, status: 'in_progress' },
			{ note: '', status: 'done' }
		);
		const row = getAction(db, created.id, null)!;
		expect([row.status, row.version, row.doneAt !== null]).toEqual(['done', 3, true]);
	});

	it('refuses an update that neither changes the status nor says anything (was a 500)', () => {
		const created = action();
		if (!created.ok) throw new Error('not created');
		const open = { id: created.id, status: 'open' as const };
		expect(addProgress(db, keoogoCoordinator, open, { note: '  ', status: 'open' })).toBe('empty');
		expect(addProgress(db, keoogoCoordinator, open, { note: '' })).toBe('empty');
		expect(getAction(db, created.id, null)!.version).toBe(1);
		expect(addProgress(db, keoogoCoordinator, open, { note: 'Relancé', status: 'open' })).toBe(
			'ok'
		);
	});
});

describe('reminders', () => {
	it('knows which reminder is due', () => {
		expect(reminderKind('2024-09-30', '2024-09-22')).toBeNull();
		expect(reminderKind('2024-09-30', '2024-09-23')).toBe('due_in_7');
		expect(reminderKind('2024-09-30', '2024-09-30')).toBe('due_today');
		expect(reminderKind('2024-09-30', '2024-10-01')).toBe('overdue_week_1');
		expect(reminderKind('2024-09-30', '2024-10-08')).toBe('overdue_week_2');
	});

	it('sends each reminder once, even when the job runs twice', async () => {
		action({ dueOn: '2024-09-30' });
		const options = { origin: 'https://p.example' };
		const now = new Date('2024-10-02T09:00:00Z');
		expect(await actionReminders.run(db, now, options)).toHaveLength(1);
		expect(await actionReminders.run(db, now, options)).toHaveLength(0);
		expect(
			db
				.select()
				.from(remindersSent)
				.all()
				.map((r) => r.kind)
		).toEqual(['overdue_week_1']);
		const sent = db.select().from(notifications).all();
		expect(sent.map((n) => [n.userId, n.kind])).toEqual([[keoogoCoordinator, 'action_reminder']]);
		expect(db.select().from(outbox).get()?.body).toContain('https://p.example/actions/');
		// A week on, the next one.
		expect(await actionReminders.run(db, new Date('2024-10-09T09:00:00Z'), options)).toHaveLength(
			1
		);
	});

	it('says nothing about done actions', async () => {
		const created = action({ dueOn: '2024-09-30' });
		if (!created.ok) throw new Error('not created');
		addProgress(db, null, { id: created.id, status: 'open' }, { note: '', status: 'done' });
		expect(await actionReminders.run(db, new Date('2024-10-02T09:00:00Z'), { origin: '' })).toEqual(
			[]
		);
	});
});

describe('dashboard', () => {
	it('counts by status and organisation, overdue and completion', async () => {
		const a = action({ dueOn: '2024-09-30' });
		action({ dueOn: '2025-01-31' });
		const c = action({ dueOn: '2024-06-30' });
		if (!a.ok || !c.ok) throw new Error('not created');
		addProgress(db, null, { id: a.id, status: 'open' }, { note: '', status: 'done' });
		addProgress(db, null, { id: c.id, status: 'open' }, { note: '', status: 'dropped' });
		const d = await dashboard(db, '2024-12-01');
		expect(Object.fromEntries(d.byStatus.map((s) => [s.status, s.n]))).toEqual({
			open: 1,
			in_progress: 0,
			done: 1,
			dropped: 1
		});
		expect(d.byOrganisation[0]).toMatchObject({ name: 'KEOOGO', total: 3, done: 1, overdue: 0 });
		expect(d.perVisit[0].rate).toBe(50);
		expect(d.perYear).toEqual([expect.objectContaining({ year: '2024', rate: 50 })]);
		expect((await dashboard(db, '2025-02-01')).overdue.map((o) => o.dueOn)).toEqual(['2025-01-31']);
		// No lesson yet: the visit is listed as lacking follow-up.
		expect(d.withoutFollowUp.map((v) => v.lessons)).toEqual([0]);
		expect((await networkMap(db, { year: null, themeId: null })).pairs).toEqual([
			expect.objectContaining({ fromId: keoogo, toId: dt, visits: 1 })
		]);
		expect(completionRate(0, 1, 1)).toBeNull();
	});
});

describe('browsing by organisation', () => {
	it('lists the organisations’ lessons newest visit first, and none for no match', () => {
		const later = addVisit(db, {
			status: 'completed',
			startsOn: '2025-02-01',
			endsOn: '2025-02-03',
			timeZone: 'Africa/Ouagadougou',
			organisations: [
				[dt, 'host'],
				[keoogo, 'visitor']
			]
		});
		lesson({ title: 'Ancien' });
		lesson({ title: 'Ancien bis', organisationId: dt });
		createLesson(db, null, later, {
			organisationId: keoogo,
			title: 'Récent',
			observed: 'o',
			adaptation: 'a',
			visibility: 'network',
			themeIds: [themeId]
		});
		const titles = (organisationIds: number[]) =>
			listLessons(db, { organisationIds, viewer: null }).items.map((l) => l.title);
		expect(titles([keoogo, dt])).toEqual(['Récent', 'Ancien bis', 'Ancien']);
		expect(titles([keoogo])).toEqual(['Récent', 'Ancien']);
		expect(titles([])).toEqual([]);
	});
});
