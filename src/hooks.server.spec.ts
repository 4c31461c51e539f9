import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleError } from './hooks.server';

const event = {} as RequestEvent;

describe('handleError', () => {
	it('answers an unexpected error with a generic message and an id, the details only in the log', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const error = new Error('SqliteError: no such column: secret in SELECT * FROM users');
		const answer = await handleError({ error, event, status: 500, message: 'Internal Error' });
		expect(answer).toEqual({
			message: 'Internal Error',
			id: expect.stringMatching(/^[0-9a-f]{8}$/)
		});
		expect(JSON.stringify(answer)).not.toMatch(/SELECT|Sqlite|at /);
		expect(log).toHaveBeenCalledWith(`Passerelle error ${answer!.id}:`, error);
		log.mockRestore();
	});

	it('keeps the plain message of expected statuses (404) and logs nothing', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const answer = await handleError({
			error: new Error('Not found: /nowhere'),
			event,
			status: 404,
			message: 'Not Found'
		});
		expect(answer).toEqual({ message: 'Not Found' });
		expect(log).not.toHaveBeenCalled();
		log.mockRestore();
	});
});
