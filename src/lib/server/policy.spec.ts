import { describe, expect, it } from 'vitest';
import { can, type Action, type Actor } from './policy';

const actors: Record<string, Actor> = {
	anonymous: null,
	member: { id: 1, globalRole: 'member' },
	staff: { id: 2, globalRole: 'staff' },
	admin: { id: 3, globalRole: 'admin' }
};

// Expected answers, one row per action: [anonymous, member, staff, admin].
const matrix: Record<Action, [boolean, boolean, boolean, boolean]> = {
	'visit.list': [false, true, true, true],
	'visit.read': [false, true, true, true],
	'organisation.list': [false, true, true, true],
	'lesson.list': [false, true, true, true],
	'action.list': [false, true, true, true],
	'admin.view': [false, false, true, true]
};

describe('policy', () => {
	for (const [action, expected] of Object.entries(matrix) as [Action, boolean[]][]) {
		it(`decides ${action} for each role`, () => {
			const answers = Object.values(actors).map((actor) => can(actor, action));
			expect(answers).toEqual(expected);
		});
	}
});
