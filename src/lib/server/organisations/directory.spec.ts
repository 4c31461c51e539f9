import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { memberships, users, visitOrganisations, visits } from '../db/schema';
import {
	activeOrganisations,
	createOrganisation,
	createTheme,
	deleteOrganisation,
	getOrganisation,
	listThemes,
	setOrganisationArchived,
	updateOrganisation,
	updateTheme
} from './directory';
import { listAudit } from '../audit/log';
import { organisationSchema } from '$lib/schemas/admin';

let db: DB;
const ADMIN = 1;
const keoogo = {
	name: 'Association KEOOGO',
	shortName: 'KEOOGO',
	country: 'BF',
	city: 'Ouagadougou',
	timeZone: 'Africa/Ouagadougou',
	description: '',
	isNetworkStaff: false
};

beforeEach(() => {
	db = createTestDb();
	db.insert(users)
		.values({ email: 'a@partage.example.org', name: 'Admin', passwordHash: 'x' })
		.run();
});

function created(input = keoogo) {
	const result = createOrganisation(db, ADMIN, input);
	if (!result.ok) throw new Error(result.field);
	return result.id;
}

describe('organisation form', () => {
	it('accepts a lower-case country code and rejects unknown countries and time zones', () => {
		const ok = organisationSchema.safeParse({ ...keoogo, country: 'bf', isNetworkStaff: 'on' });
		expect(ok.success && ok.data).toMatchObject({ country: 'BF', isNetworkStaff: true });
		const bad = organisationSchema.safeParse({ ...keoogo, country: 'QQ', timeZone: 'Mars/Base' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['country', 'timeZone']);
	});
});

describe('creating and editing organisations', () => {
	it('refuses a second organisation with the same name or short name, whatever the case', () => {
		created();
		expect(createOrganisation(db, ADMIN, { ...keoogo, name: 'association keoogo' })).toEqual({
			ok: false,
			field: 'name'
		});
		expect(
			createOrganisation(db, ADMIN, { ...keoogo, name: 'Other', shortName: 'keoogo' })
		).toEqual({ ok: false, field: 'shortName' });
	});

	it('saves an edit and records only what changed in the audit log', () => {
		const id = created();
		expect(updateOrganisation(db, ADMIN, id, { ...keoogo, city: 'Bobo-Dioulasso' }).ok).toBe(true);
		expect(getOrganisation(db, id)?.city).toBe('Bobo-Dioulasso');
		const [event] = listAudit(db, { entity: 'organisation', action: 'updated' }).events;
		expect(event.changes).toEqual({ city: 'Bobo-Dioulasso' });
		expect(event.actorName).toBe('Admin');
	});

	it('lets an organisation keep its own name when edited', () => {
		const id = created();
		expect(updateOrganisation(db, ADMIN, id, keoogo)).toEqual({ ok: true, id });
	});
});

describe('archiving and deleting', () => {
	it('hides an archived organisation from forms and brings it back when restored', () => {
		const id = created();
		setOrganisationArchived(db, ADMIN, id, true);
		expect(activeOrganisations(db).map((o) => o.id)).not.toContain(id);
		expect(getOrganisation(db, id)?.archivedAt).toBeInstanceOf(Date);
		setOrganisationArchived(db, ADMIN, id, false);
		expect(activeOrganisations(db).map((o) => o.id)).toContain(id);
	});

	it('never deletes an organisation that took part in a visit or has members', () => {
		const host = created();
		const visitor = created({ ...keoogo, name: 'Dispensaire Trottoir', shortName: 'DT' });
		const { id: visitId } = db
			.insert(visits)
			.values({
				title: 'Observation',
				hostOrganisationId: host,
				proposerOrganisationId: host,
				startsOn: '2026-12-01',
				endsOn: '2026-12-05',
				timeZone: 'Africa/Ouagadougou'
			})
			.returning()
			.get();
		db.insert(visitOrganisations)
			.values({ visitId, organisationId: visitor, role: 'visitor' })
			.run();
		expect(deleteOrganisation(db, ADMIN, host)).toBe('in_use');
		expect(deleteOrganisation(db, ADMIN, visitor)).toBe('in_use');
		const lonely = created({ ...keoogo, name: 'Lonely', shortName: 'L' });
		db.insert(memberships).values({ userId: ADMIN, organisationId: lonely }).run();
		expect(deleteOrganisation(db, ADMIN, lonely)).toBe('in_use');
		expect(getOrganisation(db, lonely)).toBeDefined();
	});

	it('deletes an organisation nothing refers to', () => {
		const id = created();
		expect(deleteOrganisation(db, ADMIN, id)).toBe('ok');
		expect(getOrganisation(db, id)).toBeUndefined();
		expect(deleteOrganisation(db, ADMIN, id)).toBe('not_found');
	});
});

describe('themes', () => {
	const names = {
		nameFr: 'Petite enfance',
		nameEn: 'Early childhood',
		nameEs: 'Primera infancia',
		nameAr: 'الطفولة المبكرة'
	};

	it('creates a theme once per identifier and renames it in the four languages', () => {
		expect(createTheme(db, ADMIN, { slug: 'early-years', ...names })).toBe(true);
		expect(createTheme(db, ADMIN, { slug: 'early-years', ...names })).toBe(false);
		const theme = listThemes(db).find((t) => t.slug === 'early-years')!;
		expect(updateTheme(db, ADMIN, theme.id, { ...names, nameEn: 'Early years' })).toBe(true);
		expect(listThemes(db).find((t) => t.id === theme.id)).toMatchObject({
			slug: 'early-years',
			nameEn: 'Early years',
			nameAr: 'الطفولة المبكرة'
		});
		expect(updateTheme(db, ADMIN, 99999, names)).toBe(false);
	});
});
