import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { organisations } from '../db/schema';
import {
	ORGANISATION_MATCH_CAP,
	ORGANISATION_SELECT_MAX,
	matchOrganisations,
	readOrganisationFilter
} from './filter';

let db: DB;

function add(name: string, shortName: string) {
	return db
		.insert(organisations)
		.values({ name, shortName, country: 'BF', city: 'Ouagadougou', timeZone: 'Africa/Ouagadougou' })
		.returning({ id: organisations.id })
		.get().id;
}
const params = (query: string) => new URLSearchParams(query);

beforeEach(() => {
	db = createTestDb();
});

describe('a real network (a few dozen organisations)', () => {
	it('offers a <select> and filters by the chosen id', () => {
		const id = add('Association KEOOGO', 'KEOOGO');
		const { ids, field } = readOrganisationFilter(db, params(`org=${id}`));
		expect(ids).toEqual([id]);
		expect(field).toEqual({
			kind: 'select',
			options: [{ value: id, label: 'Association KEOOGO' }],
			selected: id
		});
		expect(readOrganisationFilter(db, params('')).ids).toBeUndefined();
	});
});

describe('a large network', () => {
	let keoogo: number;
	let reseau: number;
	beforeEach(() => {
		keoogo = add('Association KEOOGO', 'KEOOGO');
		reseau = add('Réseau Santé Nord', 'RSN');
		add('KEOOGO Nord', 'KEO-N');
		for (let i = 0; i < ORGANISATION_SELECT_MAX; i++) add(`Partenaire ${i}`, `P${i}`);
	});

	it('turns into a text field with no option list and no filter when empty', () => {
		const { ids, field } = readOrganisationFilter(db, params('orgq=++'));
		expect(ids).toBeUndefined();
		expect(field).toEqual({ kind: 'text', query: '', matches: [], more: false, active: false });
	});

	it('matches names and short names whatever the case and accents', () => {
		expect(readOrganisationFilter(db, params('orgq=reseau sante')).ids).toEqual([reseau]);
		expect(readOrganisationFilter(db, params('orgq=rsn')).ids).toEqual([reseau]);
		const several = readOrganisationFilter(db, params('orgq=keoo'));
		expect(several.field).toMatchObject({ query: 'keoo', active: true, more: false });
		expect(several.ids).toHaveLength(2);
	});

	it('keeps to the exact name or short name when one is typed', () => {
		expect(readOrganisationFilter(db, params('orgq=keoogo')).ids).toEqual([keoogo]);
	});

	it('filters by nothing, keeping the input, when no organisation matches', () => {
		const { ids, field } = readOrganisationFilter(db, params('orgq=Zzz'));
		expect(ids).toEqual([]);
		expect(field).toMatchObject({ kind: 'text', query: 'Zzz', matches: [], active: true });
	});

	it('caps a vague query and says so', () => {
		const { ids, field } = readOrganisationFilter(db, params('orgq=partenaire'));
		expect(ids).toHaveLength(ORGANISATION_MATCH_CAP);
		expect(field).toMatchObject({ more: true });
		expect(matchOrganisations(db, 'partenaire', 100).matches).toHaveLength(ORGANISATION_SELECT_MAX);
	});

	it('keeps ?org=<id> links working and shows that organisation', () => {
		const { ids, field } = readOrganisationFilter(db, params(`org=${reseau}&orgq=ignored`));
		expect(ids).toEqual([reseau]);
		expect(field).toMatchObject({ query: 'Réseau Santé Nord', matches: [{ id: reseau }] });
	});

	it('sees an organisation added since the last request', () => {
		expect(readOrganisationFilter(db, params('orgq=nouvelle')).ids).toEqual([]);
		const id = add('Nouvelle Alliance', 'NA');
		expect(readOrganisationFilter(db, params('orgq=nouvelle')).ids).toEqual([id]);
	});
});
