import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { actionUpdates } from '../db/schema';
import { addOrganisation, addUser, addVisit } from '../db/test-fixtures';
import { addProgress, createAction } from './changes';
import { getAction } from './tracking';
import { once } from '../http/idempotency';

let db: DB;
let actionId = 0;
let coordinator = 0;

beforeEach(() => {
	db = createTestDb();
	const keoogo = addOrganisation(db, 'KEOOGO');
	const dt = addOrganisation(db, 'DT');
	coordinator = addUser(db, 'c@keoogo.org', { memberOf: [[keoogo, 'coordinator']] });
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
	const created = createAction(
		db,
		null,
		visitId,
		{
			title: 'Contacter la circonscription',
			details: '',
			ownerOrganisationId: keoogo,
			dueOn: '2024-09-30'
		},
		{ today: '2024-09-01', confirmed: true }
	);
	if (!created.ok) throw new Error('not created');
	actionId = created.id;
});

const open = () => ({ id: actionId, status: getAction(db, actionId, null)!.status });
const notes = () =>
	db
		.select({ note: actionUpdates.note })
		.from(actionUpdates)
		.where(eq(actionUpdates.actionId, actionId))
		.all()
		.map((u) => u.note);

describe('a progress note written offline', () => {
	it('sent twice with one key is one note', () => {
		const send = () =>
			once(
				db,
				{
					owner: { userId: coordinator },
					key: 'note-key-0000000001',
					what: `action.progress:${actionId}`
				},
				(tx) =>
					addProgress(
						tx,
						coordinator,
						open(),
						{ note: 'Appelé le maire', status: 'open' },
						new Date(),
						1
					),
				(r) => r === 'ok'
			);
		expect(send()).toEqual({ ok: true, result: 'ok', replayed: false });
		expect(send()).toEqual({ ok: true, result: 'ok', replayed: true });
		expect(notes()).toEqual(['Appelé le maire']);
	});

	it('is a conflict when the action was closed meanwhile, and writes nothing', () => {
		addProgress(db, null, open(), { note: 'Fait au bureau', status: 'done' });
		// The phone's form was opened at version 1, status "open".
		const late = addProgress(
			db,
			coordinator,
			open(),
			{ note: 'En cours', status: 'open' },
			new Date(),
			1
		);
		expect(late).toEqual({ stale: true, version: 2, status: 'done', lastNote: 'Fait au bureau' });
		expect(getAction(db, actionId, null)!.status).toBe('done');
		expect(notes()).toEqual(['Fait au bureau']);
		// "Keep mine" resends at the server's version: the status it asks for is applied.
		expect(
			addProgress(db, coordinator, open(), { note: 'En cours', status: 'open' }, new Date(), 2)
		).toBe('ok');
		expect(getAction(db, actionId, null)!.status).toBe('open');
	});

	it('is simply added when the action changed but the note keeps its status', () => {
		addProgress(db, null, open(), { note: 'Fait au bureau', status: 'done' });
		expect(
			addProgress(db, coordinator, open(), { note: 'Bravo', status: 'done' }, new Date(), 1)
		).toBe('ok');
		expect(notes()).toEqual(['Fait au bureau', 'Bravo']);
	});
});
