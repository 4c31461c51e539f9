// What every background job is, and how it avoids doing anything twice. Jobs live in their domain
// module and are listed in runner.ts; this file has no imports from them, so they can use it.
import { and, eq } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { jobMarks } from '../db/schema';

export type JobOptions = {
	/** Origin of the links in the e-mails a job sends, e.g. https://passerelle.example.org */
	origin: string;
};

/**
 * A periodic job. `run` receives the time to act as of (tests fix it) and returns one line per
 * thing it did, for the logs; it must be idempotent: running it twice does the work once.
 */
export type Job = {
	name: string;
	run: (db: DB, now: Date, options: JobOptions) => string[] | Promise<string[]>;
};

/**
 * Does `work` for (job, key) at most once, ever: in one transaction that first looks for the
 * job's mark and, when `work` returns true, writes it. The transaction takes the write lock at
 * once (IMMEDIATE), so the server's scheduler and `npm run jobs` never both do the same work.
 */
export function once(
	db: DB,
	job: string,
	key: string,
	now: Date,
	work: (tx: Tx) => boolean
): boolean {
	return db.transaction(
		(tx) => {
			if (isMarked(tx, job, key) || !work(tx)) return false;
			tx.insert(jobMarks).values({ job, key, doneAt: now }).run();
			return true;
		},
		{ behavior: 'immediate' }
	);
}

/** Whether (job, key) has been done. */
export function isMarked(db: Tx, job: string, key: string): boolean {
	return !!db
		.select({ key: jobMarks.key })
		.from(jobMarks)
		.where(and(eq(jobMarks.job, job), eq(jobMarks.key, key)))
		.get();
}
