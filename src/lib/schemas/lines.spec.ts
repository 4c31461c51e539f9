// Every form's one-line fields refuse line breaks and control characters; its multi-line fields
// keep line breaks and tabs but nothing else invisible; a text over its limit says by how much.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseFields } from './common';
import { LIMITS } from './limits';
import { organisationSchema, themeSchema } from './admin';
import { sessionSchema } from './agenda';
import { delegateSchema } from './delegate';
import { acceptInvitationSchema } from './invitation';
import { actionSchema, lessonSchema, progressSchema } from './lesson';
import { profileSchema } from './account';
import { answerSchema, datesSchema, reasonSchema, visitDetailsSchema } from './visit';

type Case = {
	form: string;
	schema: z.ZodType;
	valid: Record<string, unknown>;
	oneLine: string[];
	multiLine: string[];
};

const CASES: Case[] = [
	{
		form: 'visit',
		schema: visitDetailsSchema,
		valid: {
			title: 'Atelier',
			objectives: '',
			startsOn: '2027-01-04',
			endsOn: '2027-01-05',
			timeZone: 'Africa/Ouagadougou',
			place: ''
		},
		oneLine: ['title', 'place'],
		multiLine: ['objectives']
	},
	{
		form: 'decline',
		schema: answerSchema,
		valid: { organisationId: '1', response: 'declined', reason: 'Non' },
		oneLine: [],
		multiLine: ['reason']
	},
	{
		form: 'other dates',
		schema: datesSchema,
		valid: { organisationId: '1', startsOn: '2027-01-04', endsOn: '2027-01-05', note: '' },
		oneLine: [],
		multiLine: ['note']
	},
	{
		form: 'cancellation',
		schema: reasonSchema,
		valid: { reason: 'Report' },
		oneLine: [],
		multiLine: ['reason']
	},
	{
		form: 'session',
		schema: sessionSchema,
		valid: {
			day: '2027-01-04',
			startsAt: '09:00',
			endsAt: '10:00',
			kind: 'meeting',
			title: 'Accueil',
			place: '',
			leadName: '',
			notes: ''
		},
		oneLine: ['title', 'place', 'leadName'],
		multiLine: ['notes']
	},
	{
		form: 'delegate',
		schema: delegateSchema,
		valid: {
			name: 'Ama',
			function: '',
			email: '',
			userId: '',
			arrivesAt: '',
			departsAt: '',
			travel: 'booked',
			visa: 'not_needed',
			accommodation: 'booked',
			needs: ''
		},
		oneLine: ['name', 'function'],
		multiLine: ['needs']
	},
	{
		form: 'lesson',
		schema: lessonSchema,
		valid: {
			organisationId: '1',
			title: 'Leçon',
			observed: '',
			adaptation: '',
			visibility: 'network'
		},
		oneLine: ['title'],
		multiLine: ['observed', 'adaptation']
	},
	{
		form: 'action',
		schema: actionSchema,
		valid: { title: 'Action', details: '', ownerOrganisationId: '1', dueOn: '2027-01-04' },
		oneLine: ['title'],
		multiLine: ['details']
	},
	{
		form: 'progress',
		schema: progressSchema,
		valid: { note: 'Fait', status: '' },
		oneLine: [],
		multiLine: ['note']
	},
	{
		form: 'organisation',
		schema: organisationSchema,
		valid: {
			name: 'KEOOGO',
			shortName: 'KEOOGO',
			country: 'BF',
			city: 'Ouagadougou',
			timeZone: 'Africa/Ouagadougou',
			description: ''
		},
		oneLine: ['name', 'shortName', 'city'],
		multiLine: ['description']
	},
	{
		form: 'theme',
		schema: themeSchema,
		valid: { slug: 'sante', nameFr: 'Santé', nameEn: 'Health', nameEs: 'Salud', nameAr: 'صحة' },
		oneLine: ['nameFr', 'nameEn', 'nameEs', 'nameAr'],
		multiLine: []
	},
	{
		form: 'profile',
		schema: profileSchema,
		valid: { name: 'Awa', preferredLocale: 'fr', timeZone: '' },
		oneLine: ['name'],
		multiLine: []
	},
	{
		form: 'invitation',
		schema: acceptInvitationSchema,
		valid: { name: 'Awa', password: 'long enough password', locale: 'fr', email: '' },
		oneLine: ['name'],
		multiLine: []
	}
];

const errorsOf = (c: Case, over: Record<string, unknown>) => {
	const read = parseFields(c.schema, { ...c.valid, ...over });
	return read.ok ? {} : read.errors;
};

// Inside the text, where trimming does not remove them.
const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085'];
const CONTROLS = ['\u0001', '\u0007', '\u001b', '\u007f', '\u009b', '\u000b', '\u000c'];

describe.each(CASES)('the $form form', (c) => {
	it('is valid as given (the cases below change one field)', () => {
		expect(errorsOf(c, {})).toEqual({});
	});

	it.each(c.oneLine)('refuses line breaks, tabs and control characters in %s', (field) => {
		for (const ch of [...BREAKS, '\t', ...CONTROLS]) {
			expect(errorsOf(c, { [field]: `Avant${ch}après` }), JSON.stringify(ch)).toEqual({
				[field]: 'one_line'
			});
		}
	});

	it.each(c.multiLine)('keeps line breaks and tabs in %s, not other controls', (field) => {
		for (const ch of ['\n', '\r\n', '\t', '\u2028']) {
			expect(errorsOf(c, { [field]: `Avant${ch}après` }), JSON.stringify(ch)).toEqual({});
		}
		for (const ch of CONTROLS) {
			expect(errorsOf(c, { [field]: `Avant${ch}après` }), JSON.stringify(ch)).toEqual({
				[field]: 'control_characters'
			});
		}
	});
});

describe('a text over its limit', () => {
	it('is an error that names the limit and what was typed, never a cut', () => {
		const visit = CASES[0];
		const title = 'x'.repeat(5000);
		expect(errorsOf(visit, { title })).toEqual({
			title: { code: 'too_long', max: LIMITS.visit.title, typed: 5000 }
		});
		expect(errorsOf(visit, { title: 'x'.repeat(LIMITS.visit.title) })).toEqual({});
		const lesson = CASES.find((c) => c.form === 'lesson')!;
		expect(errorsOf(lesson, { observed: 'y'.repeat(LIMITS.lesson.text + 1) })).toEqual({
			observed: { code: 'too_long', max: LIMITS.lesson.text, typed: LIMITS.lesson.text + 1 }
		});
	});

	it('counts the text as it will be kept (spaces around it do not count)', () => {
		const visit = CASES[0];
		const title = `  ${'x'.repeat(LIMITS.visit.title)}  `;
		expect(errorsOf(visit, { title })).toEqual({});
	});

	it('is "too long" before "one line" when it is both', () => {
		const visit = CASES[0];
		expect(errorsOf(visit, { title: `a\n${'x'.repeat(300)}` })).toEqual({
			title: { code: 'too_long', max: 200, typed: 302 }
		});
	});
});
