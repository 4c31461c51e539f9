// Background jobs: a small in-process scheduler started by the server's `init` hook, and the same
// jobs run once by `npm run jobs` (e.g. from cron). Every job is idempotent (see marks.ts), so
// a restart, a second server or a manual run never repeats work.
import type { DB } from '../db';
import type { Job, JobOptions } from './marks';
import { completeFinishedVisits } from '../visits/completion';
import { actionReminders } from '../actions/reminders';
import { evaluationReminders } from '../evaluations/reminders';
import { expireIdempotencyKeys } from '../http/idempotency';
import { dailyDigest } from '../notifications/digest';

export type { Job } from './marks';

/** Every job, in the order they run. Reminders (evaluations, actions) join this list. */
export const JOBS: Job[] = [
	completeFinishedVisits,
	actionReminders,
	evaluationReminders,
	expireIdempotencyKeys,
	// Last: the digest lists what the jobs before it have just written.
	dailyDigest
];

export const JOB_INTERVAL_MS = 15 * 60_000;
/** The first run waits a little, so start-up (migrations, demo data) is over and quiet. */
export const FIRST_RUN_AFTER_MS = 20_000;

/** The public origin links in e-mails point to: ORIGIN, or the local server. */
export function appOrigin(env: Record<string, string | undefined> = process.env): string {
	return env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
}

export type JobRun = { job: string; done: string[]; error?: string };

/** Runs one job; a failure is reported, not thrown, so the other jobs still run. */
export async function runJob(db: DB, job: Job, now: Date, options: JobOptions): Promise<JobRun> {
	try {
		return { job: job.name, done: await job.run(db, now, options) };
	} catch (err) {
		return { job: job.name, done: [], error: err instanceof Error ? err.message : String(err) };
	}
}

export async function runAllJobs(
	db: DB,
	now = new Date(),
	options: JobOptions = { origin: appOrigin() },
	jobs: Job[] = JOBS
): Promise<JobRun[]> {
	const runs: JobRun[] = [];
	for (const job of jobs) runs.push(await runJob(db, job, now, options));
	return runs;
}

type Scheduler = { stop: () => void };
// On globalThis: in development the hooks module is reloaded and `init` runs again; the old
// timers must stop rather than run beside the new ones.
const KEY = Symbol.for('passerelle.jobs');
const registry = globalThis as unknown as Record<symbol, Scheduler | undefined>;

/**
 * Runs every job shortly after start, then every 15 minutes. A job still running when its next
 * turn comes is skipped, never run beside itself. Returns a function that stops the timers.
 */
export function startJobs(
	db: DB,
	{
		origin = appOrigin(),
		everyMs = JOB_INTERVAL_MS,
		firstAfterMs = FIRST_RUN_AFTER_MS,
		jobs = JOBS,
		log = (line: string) => console.log(line)
	}: {
		origin?: string;
		everyMs?: number;
		firstAfterMs?: number;
		jobs?: Job[];
		log?: (line: string) => void;
	} = {}
): () => void {
	registry[KEY]?.stop();
	const running = new Set<string>();
	const tick = async () => {
		for (const job of jobs) {
			if (running.has(job.name)) continue;
			running.add(job.name);
			try {
				const run = await runJob(db, job, new Date(), { origin });
				if (run.error) log(`Passerelle job ${run.job} failed: ${run.error}`);
				for (const line of run.done) log(`Passerelle job ${run.job}: ${line}`);
			} finally {
				running.delete(job.name);
			}
		}
	};
	// Unref'd: pending timers never keep the process alive on shutdown.
	const first = setTimeout(tick, firstAfterMs);
	const every = setInterval(tick, everyMs);
	first.unref();
	every.unref();
	const stop = () => {
		clearTimeout(first);
		clearInterval(every);
		if (registry[KEY] === scheduler) registry[KEY] = undefined;
	};
	const scheduler = { stop };
	registry[KEY] = scheduler;
	return stop;
}
