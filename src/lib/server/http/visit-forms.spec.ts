import { describe, expect, it } from 'vitest';
import { proposalPrefill } from './visit-forms';

const ctx = { staff: false, ownIds: [1], organisationIds: [1, 2, 3], themeIds: [7, 8] };
const prefill = (query: string, over: Partial<typeof ctx> = {}) =>
	proposalPrefill(new URLSearchParams(query), { ...ctx, ...over });

describe('the proposal prefilled from a link', () => {
	it('names the host as the partner to visit, with the theme and the objective', () => {
		expect(prefill('host=2&theme=8&objective=Découvrir+la+bibliothèque+mobile')).toEqual({
			direction: 'visit',
			kind: 'exchange',
			partnerId: '2',
			themeIds: ['8'],
			objectives: 'Découvrir la bibliothèque mobile'
		});
	});

	it('names the host for staff', () => {
		expect(prefill('host=3', { staff: true })).toMatchObject({ hostId: '3' });
	});

	it('ignores what it cannot use: unknown or own host, unknown theme, junk', () => {
		const values = prefill('host=1&theme=99&objective=%00%20');
		expect(values).toEqual({ direction: 'visit', kind: 'exchange' });
		expect(prefill('host=9;DROP&theme=abc')).toEqual({ direction: 'visit', kind: 'exchange' });
	});

	it('cuts a long objective to the field limit', () => {
		expect(prefill(`objective=${'a'.repeat(6000)}`).objectives).toHaveLength(5000);
	});
});
