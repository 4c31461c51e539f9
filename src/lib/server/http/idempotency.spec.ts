import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import type { DB } from '../db';
import { evaluationAnswers, evaluationResponses, idempotencyKeys } from '../db/schema';
import { oneDelegateLink } from '../db/evaluation-fixtures';
import { currentTemplate } from '../evaluations/template';
import { answersOf, saveSheet, sheetByToken, type Sheet } from '../evaluations/sheet';
import { expireIdempotencyKeys, once, readFormMeta, type KeyOwner } from './idempotency';

let db: DB;
let token = '';
let textQuestion = 0;

beforeEach(() => {
	db = createTestDb();
	token = oneDelegateLink(db, 'https://passerelle.test');
	textQuestion = currentTemplate(db).questions.find((q) => q.kind === 'text')!.id;
});

const sheet = (): Sheet => sheetByToken(db, token)!;
const form = (text: string) => {
	const f = new FormData();
	f.set(`q${textQuestion}`, text);
	return f;
};
const key = (n: number) => `device-key-${String(n).padStart(8, '0')}`;
const link = (): KeyOwner => ({ responseId: sheet().response.id });
/** What the sheet's route does: the write, once per key, remembered when it saved. */
const send = (text: string, k: string | null, owner = link(), version: number | null = null) =>
	once(
		db,
		{ owner, key: k, what: `evaluation.sheet:${sheet().response.id}` },
		(tx) => saveSheet(tx, sheet(), form(text), false, new Date(), version),
		(r) => r.ok
	);
const version = () =>
	db
		.select({ v: evaluationResponses.version })
		.from(evaluationResponses)
		.where(eq(evaluationResponses.id, sheet().response.id))
		.get()!.v;
const keyCount = () => db.select().from(idempotencyKeys).all().length;

describe('a write sent again with the same key', () => {
	it('is stored once, and the retry gets the first answer back', () => {
		const first = send('Le coin lecture', key(1));
		const again = send('Le coin lecture', key(1));
		expect(first).toEqual({
			ok: true,
			result: { ok: true, submitted: false, version: 2 },
			replayed: false
		});
		expect(again).toEqual({
			ok: true,
			result: { ok: true, submitted: false, version: 2 },
			replayed: true
		});
		expect(version()).toBe(2);
		expect(keyCount()).toBe(1);
	});

	it('does not replace what was written after it (a late retry changes nothing)', () => {
		send('Premier envoi', key(1));
		send('Deuxième texte', key(2));
		send('Premier envoi', key(1));
		expect(answersOf(db, sheet().response.id)[`q${textQuestion}`]).toBe('Deuxième texte');
		expect(version()).toBe(3);
	});

	it('is applied exactly once per key whatever the order of retries (fast-check)', () => {
		fc.assert(
			fc.property(
				// Each entry is one attempt to send write n (0–4); a write may be tried many times.
				fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 25 }),
				(attempts) => {
					// A fresh sheet each run (a new database per run is too slow for 100 runs).
					db.delete(idempotencyKeys).run();
					db.delete(evaluationAnswers).run();
					db.update(evaluationResponses).set({ version: 1 }).run();
					const firstAnswer = new Map<number, unknown>();
					for (const n of attempts) {
						const outcome = send(`Texte ${n}`, key(n));
						if (!outcome.ok) return false;
						if (firstAnswer.has(n)) expect(outcome.result).toEqual(firstAnswer.get(n));
						else firstAnswer.set(n, outcome.result);
					}
					const distinct = new Set(attempts);
					expect(version()).toBe(1 + distinct.size);
					expect(keyCount()).toBe(distinct.size);
					// The text is the last write that was new when it arrived.
					const lastNew = attempts.filter((n, i) => attempts.indexOf(n) === i).at(-1);
					expect(answersOf(db, sheet().response.id)[`q${textQuestion}`]).toBe(`Texte ${lastNew}`);
				}
			),
			{ numRuns: 100 }
		);
	}, 30_000);
});

describe('keys', () => {
	it('are scoped to their owner: the same key from someone else is their own write', () => {
		send('Par le lien', key(1));
		const other = send('Par le compte', key(1), { userId: 42 });
		expect(other).toMatchObject({ ok: true, replayed: false });
		expect(answersOf(db, sheet().response.id)[`q${textQuestion}`]).toBe('Par le compte');
		expect(keyCount()).toBe(2);
	});

	it('used for another record by the same owner are refused and write nothing', () => {
		send('Texte', key(1));
		const reused = once(
			db,
			{ owner: link(), key: key(1), what: 'action.progress:9' },
			() => {
				throw new Error('must not run');
			},
			() => true
		);
		expect(reused).toEqual({ ok: false, reused: true });
	});

	it('are not remembered for a write that changed nothing, so it can be sent again', () => {
		const stale = send('Mon texte', key(1), link(), 7);
		expect(stale).toMatchObject({ ok: true, result: { ok: false, reason: 'stale' } });
		expect(keyCount()).toBe(0);
		expect(send('Mon texte', key(1), link(), 1)).toMatchObject({ result: { ok: true } });
	});

	it('garbled in the form are bad input; absent ones are allowed', () => {
		const f = new FormData();
		expect(readFormMeta(f)).toEqual({ ok: true, key: null, version: null });
		f.set('_key', 'short');
		expect(readFormMeta(f)).toEqual({ ok: false, field: '_key' });
		f.set('_key', key(1));
		f.set('_version', '-3');
		expect(readFormMeta(f)).toEqual({ ok: false, field: '_version' });
		f.set('_version', '4');
		expect(readFormMeta(f)).toEqual({ ok: true, key: key(1), version: 4 });
	});

	it('are forgotten after 30 days by the job', async () => {
		const day = 86_400_000;
		const t0 = new Date('2025-03-01T00:00:00Z');
		once(
			db,
			{ owner: link(), key: key(1), what: 'x' },
			() => 1,
			() => true,
			t0
		);
		once(
			db,
			{ owner: link(), key: key(2), what: 'x' },
			() => 1,
			() => true,
			new Date(t0.getTime() + 20 * day)
		);
		expect(
			await expireIdempotencyKeys.run(db, new Date(t0.getTime() + 31 * day), { origin: '' })
		).toEqual(['forgot 1 idempotency keys']);
		expect(keyCount()).toBe(1);
	});
});

describe('a sheet saved elsewhere since the form was opened', () => {
	it('is not overwritten: the stale write is refused with both versions', () => {
		expect(send('Sur l’ordinateur', key(1), link(), 1)).toMatchObject({ result: { ok: true } });
		const late = send('Dans le bus', key(2), link(), 1);
		expect(late).toMatchObject({
			ok: true,
			result: {
				ok: false,
				reason: 'stale',
				version: 2,
				theirs: { [`q${textQuestion}`]: 'Sur l’ordinateur' },
				read: { values: { [`q${textQuestion}`]: 'Dans le bus' } }
			}
		});
		expect(answersOf(db, sheet().response.id)[`q${textQuestion}`]).toBe('Sur l’ordinateur');
		// "Keep mine": sent again at the server's version, it is saved.
		expect(send('Dans le bus', key(2), link(), 2)).toMatchObject({
			result: { ok: true, version: 3 }
		});
	});
});
