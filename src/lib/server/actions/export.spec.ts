// The actions export read in keyset pages: the same rows, in the same order, as one query.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { actions } from '../db/schema';
import { addOrganisation, addVisit } from '../db/test-fixtures';
import { createLesson } from '../lessons/record';
import { exportActions } from './tracking';
import { HOSTILE } from '../exports/hostile';

let db: DB;
let keoogo: number, dt: number, outsider: number;

beforeEach(() => {
	db = createTestDb();
	keoogo = addOrganisation(db, 'KEOOGO');
	dt = addOrganisation(db, 'DT');
	outsider = addOrganisation(db, 'RACINES');
	const visitId = addVisit(db, {
		status: 'completed',
		startsOn: '2024-05-05',
		endsOn: '2024-05-10',
		timeZone: 'Africa/Ouagadougou',
		organisations: [
			[dt, 'host'],
			[keoogo, 'visitor']
		]
	});
	const created = createLesson(db, null, visitId, {
		organisationId: keoogo,
		title: 'Entre nous',
		observed: 'Observé.',
		adaptation: 'Adapté.',
		visibility: 'participants',
		themeIds: []
	});
	if (!created.ok) throw new Error('lesson not created');
	const privateLesson = created.id;
	// Many actions on few days: the keyset's second column (id) decides between them.
	db.insert(actions)
		.values(
			Array.from({ length: 1_234 }, (_, i) => ({
				visitId,
				title: `${HOSTILE[i % HOSTILE.length].slice(0, 200)} #${i}`,
				ownerOrganisationId: i % 2 ? keoogo : dt,
				dueOn: `2024-0${1 + ((i * 7) % 9)}-0${1 + (i % 3)}`,
				status: i % 5 ? ('open' as const) : ('done' as const),
				lessonId: i % 4 ? null : privateLesson
			}))
		)
		.run();
});

/** What one unpaged query gives: every visible action, by due date then id. */
function expected(visible: (row: { lessonId: number | null }) => boolean, status?: 'open') {
	return db
		.select({ id: actions.id, dueOn: actions.dueOn, lessonId: actions.lessonId, s: actions.status })
		.from(actions)
		.all()
		.filter((r) => visible(r) && (!status || r.s === status))
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id)
		.map((r) => r.id);
}

describe('actions export in keyset pages', () => {
	const today = '2026-12-01';

	it('gives every row once, in due-date order, whatever the page size', () => {
		const all = expected(() => true);
		for (const pageSize of [7, 500, 5_000]) {
			const rows = [...exportActions(db, { viewer: null, today }, { pageSize })];
			expect(rows.map((r) => r.id)).toEqual(all);
			expect(rows[0].visitTitle).toBeTruthy();
		}
	});

	it('keeps the filters, the visibility of private lessons and the maximum', () => {
		const member = [...exportActions(db, { viewer: [outsider], today }, { pageSize: 9 })];
		expect(member.map((r) => r.id)).toEqual(expected((r) => r.lessonId === null));
		const open = [...exportActions(db, { viewer: null, today, status: 'open' }, { pageSize: 11 })];
		expect(open.map((r) => r.id)).toEqual(expected(() => true, 'open'));
		const capped = [...exportActions(db, { viewer: null, today }, { pageSize: 100, max: 250 })];
		expect(capped.map((r) => r.id)).toEqual(expected(() => true).slice(0, 250));
	});

	it('reads no further once the reader stops', () => {
		const rows = exportActions(db, { viewer: null, today }, { pageSize: 5 });
		for (let i = 0; i < 3; i++) rows.next();
		expect(rows.return(undefined).done).toBe(true);
		expect(rows.next().done).toBe(true);
	});
});
