import { describe, expect, it } from 'vitest';
import { cleanText, formText } from './common';
import { sessionSchema } from './agenda';

describe('text fields', () => {
	it('drop NUL characters, which SQLite would count as the end of the text', () => {
		expect(cleanText(' a\u0000b ')).toBe('ab');
		expect(formText(10).safeParse('\u0000').success).toBe(false);
		expect(formText(10).safeParse(' \u0000 \u0000').success).toBe(false);
		expect(formText(10).safeParse('\u0000Atelier').data).toBe('Atelier');
	});

	it('so a title made of NULs is "required", not a database error', () => {
		const parsed = sessionSchema.safeParse({
			day: '2027-01-28',
			startsAt: '09:00',
			endsAt: '10:00',
			kind: 'meeting',
			title: '\u0000\u0000'
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['title', 'required']
		]);
	});
});
