import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb } from './test-db';
import { openDatabase, type DB } from './index';
import { memberships, organisations, users, visitOrganisations, visits } from './schema';

let db: DB;
let orgId: number;

const visit = (overrides: Partial<typeof visits.$inferInsert> = {}) => ({
	title: 'Visite',
	hostOrganisationId: orgId,
	proposerOrganisationId: orgId,
	startsOn: '2024-05-05',
	endsOn: '2024-05-10',
	timeZone: 'Africa/Ouagadougou',
	...overrides
});

beforeEach(() => {
	db = createTestDb();
	orgId = db
		.insert(organisations)
		.values({
			name: 'KEOOGO',
			shortName: 'KEOOGO',
			country: 'BF',
			city: 'Ouagadougou',
			timeZone: 'Africa/Ouagadougou'
		})
		.returning()
		.get().id;
});

describe('schema constraints', () => {
	it('creates the folder of a new database file and opens it in WAL mode with foreign keys', () => {
		const dir = mkdtempSync(join(tmpdir(), 'passerelle-db-'));
		try {
			const file = openDatabase(join(dir, 'nested', 'data', 'p.db'));
			expect(file.$client.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(file.$client.pragma('foreign_keys', { simple: true })).toBe(1);
			expect(file.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
			file.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('ships the default themes with every database', () => {
		const slugs = db.query.themes
			.findMany()
			.sync()
			.map((t) => t.slug);
		expect(slugs).toEqual(expect.arrayContaining(['preschool-education', 'reading-promotion']));
	});

	it('refuses a visit that ends before it starts', () => {
		expect(() =>
			db
				.insert(visits)
				.values(visit({ endsOn: '2024-05-04' }))
				.run()
		).toThrow(/CHECK constraint failed: visits_dates_order/);
		expect(() =>
			db
				.insert(visits)
				.values(visit({ endsOn: '2024-05-05' }))
				.run()
		).not.toThrow();
	});

	it('refuses unknown statuses, kinds and malformed dates', () => {
		const bad = [
			{ status: 'finished' as never },
			{ kind: 'party' as never },
			{ startsOn: '5 May 2024', endsOn: '6 May 2024' },
			{ expectedSize: 0 },
			{ title: '   ' }
		];
		for (const overrides of bad) {
			expect(() => db.insert(visits).values(visit(overrides)).run()).toThrow(/CHECK constraint/);
		}
	});

	it('refuses a visit whose host does not exist', () => {
		expect(() =>
			db
				.insert(visits)
				.values(visit({ hostOrganisationId: 999 }))
				.run()
		).toThrow(/FOREIGN KEY/);
	});

	it('treats e-mail addresses as unique whatever their case', () => {
		db.insert(users).values({ email: 'Awa@Keoogo.org', name: 'Awa', passwordHash: 'x' }).run();
		expect(() =>
			db.insert(users).values({ email: 'awa@keoogo.org', name: 'Awa 2', passwordHash: 'x' }).run()
		).toThrow(/UNIQUE/);
	});

	it('refuses unknown roles and locales', () => {
		expect(() =>
			db
				.insert(users)
				.values({ email: 'b@x.org', name: 'B', passwordHash: 'x', globalRole: 'root' as never })
				.run()
		).toThrow(/CHECK/);
		expect(() =>
			db
				.insert(users)
				.values({ email: 'c@x.org', name: 'C', passwordHash: 'x', preferredLocale: 'de' as never })
				.run()
		).toThrow(/CHECK/);
		const user = db
			.insert(users)
			.values({ email: 'd@x.org', name: 'D', passwordHash: 'x' })
			.returning()
			.get();
		expect(() =>
			db
				.insert(memberships)
				.values({ userId: user.id, organisationId: orgId, role: 'owner' as never })
				.run()
		).toThrow(/CHECK/);
	});

	it('requires a reason when an organisation declines', () => {
		const { id } = db.insert(visits).values(visit()).returning().get();
		const row = { visitId: id, organisationId: orgId, role: 'host' as const };
		expect(() =>
			db
				.insert(visitOrganisations)
				.values({ ...row, response: 'declined' })
				.run()
		).toThrow(/visit_organisations_declined_reason/);
		db.insert(visitOrganisations)
			.values({ ...row, response: 'declined', reason: 'Dates during school exams' })
			.run();
	});

	it('refuses country codes that are not ISO 3166-1 alpha-2', () => {
		expect(() =>
			db
				.insert(organisations)
				.values({ name: 'X', shortName: 'X', country: 'bfa', city: 'Y', timeZone: 'UTC' })
				.run()
		).toThrow(/organisations_country_format/);
	});
});
