// The visit lifecycle (DESIGN.md "Visit status"): the one table of the states, the moves between
// them and what each move asks for. The policy, the UI and the SQL filters read it; no other file
// spells a list of visit statuses. Client-safe: no server imports.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { VISIT_STATUSES, type VisitStatus } from './enums';

/** One state by name, where a single state is really meant: `VISIT_STATUS.draft`. */
export const VISIT_STATUS = Object.fromEntries(VISIT_STATUSES.map((s) => [s, s])) as {
	readonly [S in VisitStatus]: S;
};

/**
 * Where each state stands. `unsent`: only its proposer knows of it; `awaiting`: the invited
 * organisations are answering; `agreed`: it goes ahead; `over`: it took place; `off`: it will not.
 */
type Stage = 'unsent' | 'awaiting' | 'agreed' | 'over' | 'off';
const STAGE: Record<VisitStatus, Stage> = {
	draft: 'unsent',
	proposed: 'awaiting',
	accepted: 'agreed',
	confirmed: 'agreed',
	completed: 'over',
	closed: 'over',
	declined: 'off',
	cancelled: 'off'
};
const inStages = (...stages: Stage[]): readonly VisitStatus[] =>
	VISIT_STATUSES.filter((s) => stages.includes(STAGE[s]));

/** Its programme (details, agenda) may still change. */
export const PROGRAMME_EDITABLE = inStages('unsent', 'awaiting', 'agreed');
/** Its delegations (delegates, logistics) may still change. */
export const DELEGATION_EDITABLE = inStages('unsent', 'awaiting', 'agreed');
/** Invited organisations may still answer. */
export const ANSWERABLE = inStages('awaiting', 'agreed');
/** Shown in calendar feeds: sent, and not called off. */
export const IN_CALENDAR_FEEDS = inStages('awaiting', 'agreed', 'over');
/** Lessons and actions are recorded once it is agreed on, and long after it ended. */
export const ACCEPTS_LESSONS = inStages('agreed', 'over');
/** Evaluated once agreed on: usually after it took place, earlier by choice. */
export const ACCEPTS_EVALUATIONS = inStages('agreed', 'over');
/** Still ahead of the people involved: sent and not over nor called off. */
export const UPCOMING = inStages('awaiting', 'agreed');
/** Agreed on and not over yet: it runs, or will. */
export const GOING_AHEAD = inStages('agreed');
/** Agreed on at some point: going ahead or over. */
export const AGREED = inStages('agreed', 'over');
/** It took place. */
export const TOOK_PLACE = inStages('over');
/** Declined or cancelled. */
export const WILL_NOT_HAPPEN = inStages('off');

const has = (set: readonly VisitStatus[], status: VisitStatus) => set.includes(status);
export const isDraft = (status: VisitStatus) => status === VISIT_STATUS.draft;
export const awaitsAnswers = (status: VisitStatus) => STAGE[status] === 'awaiting';
export const isGoingAhead = (status: VisitStatus) => has(GOING_AHEAD, status);
export const willNotHappen = (status: VisitStatus) => has(WILL_NOT_HAPPEN, status);

/** Who owns a move (staff may make every move): the policy reads this. */
export type Owner =
	| 'proposer' // a coordinator of the proposing organisation
	| 'host' // a coordinator of the host organisation
	| 'runner' // those who run it: both sides of an exchange, host and proposer of a meeting
	| 'counterpart' // an invited organisation, through its answer
	| 'staff';
/** Who hears of a move. */
export type Told = 'counterparts' | 'participants' | 'proposer_and_host';

export type Move = {
	from: readonly VisitStatus[];
	/** The state it leads to; per state it leaves when that differs. */
	to: VisitStatus | Partial<Record<VisitStatus, VisitStatus>>;
	owner: Owner;
	/** A reason the organisations will read. */
	reason: boolean;
	/** Only once the visit's first day has come where it takes place. */
	begun: boolean;
	/** Ends something that cannot simply be taken back: asks for confirmation first. */
	ends: boolean;
	tells: Told;
};

/** The moves people make on the visit page. */
export const TRANSITIONS = {
	send: {
		from: ['draft'],
		to: 'proposed',
		owner: 'proposer',
		reason: false,
		begun: false,
		ends: false,
		tells: 'counterparts'
	},
	confirm: {
		from: ['accepted'],
		to: 'confirmed',
		owner: 'host',
		reason: false,
		begun: false,
		ends: false,
		tells: 'participants'
	},
	complete: {
		from: ['accepted', 'confirmed'],
		to: 'completed',
		owner: 'runner',
		reason: false,
		begun: true,
		ends: true,
		tells: 'participants'
	},
	close: {
		from: ['completed'],
		to: 'closed',
		owner: 'host',
		reason: false,
		begun: false,
		ends: true,
		tells: 'participants'
	},
	// A draft is deleted, not cancelled: nobody else knew of it.
	cancel: {
		from: ['proposed', 'accepted', 'confirmed'],
		to: 'cancelled',
		owner: 'runner',
		reason: true,
		begun: false,
		ends: true,
		tells: 'participants'
	},
	// Undoes a completion or a closing made by mistake, one step back: a completed visit goes
	// ahead again (confirmed: it had been agreed on), a closed one is completed again.
	reopen: {
		from: ['completed', 'closed'],
		to: { completed: 'confirmed', closed: 'completed' },
		owner: 'staff',
		reason: true,
		begun: false,
		ends: false,
		tells: 'participants'
	}
} as const satisfies Record<string, Move>;

/**
 * What the invited organisations' answers do (visits/answers.ts): the visit goes ahead when
 * accepted, and is declined when refused (DESIGN.md: by the counterpart of an exchange, by every
 * invited organisation of a meeting). Declining is an ending answer: it asks for confirmation.
 */
export const ANSWERS = {
	accept: {
		from: ['proposed'],
		to: 'accepted',
		owner: 'counterpart',
		reason: false,
		begun: false,
		ends: false,
		tells: 'proposer_and_host'
	},
	// Declining also ends one organisation's part in a visit that goes ahead without it.
	decline: {
		from: ['proposed'],
		to: 'declined',
		owner: 'counterpart',
		reason: true,
		begun: false,
		ends: true,
		tells: 'proposer_and_host'
	}
} as const satisfies Record<string, Move>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];
export type Answer = keyof typeof ANSWERS;

export function canMove(status: VisitStatus, transition: Transition): boolean {
	return (TRANSITIONS[transition].from as readonly VisitStatus[]).includes(status);
}

/** The state a move leads to from `status` (undefined when the move is not open from there). */
export function nextStatus(status: VisitStatus, transition: Transition): VisitStatus | undefined {
	if (!canMove(status, transition)) return undefined;
	const to: Move['to'] = TRANSITIONS[transition].to;
	return typeof to === 'string' ? to : to[status];
}

/** The calendar date (YYYY-MM-DD) it is at `now` in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
	return format(new TZDate(now, timeZone), 'yyyy-MM-dd');
}

/** Its first day has come where it takes place. */
export function hasBegun(visit: { startsOn: string; timeZone: string }, now: Date): boolean {
	return todayIn(visit.timeZone, now) >= visit.startsOn;
}

export type Unmet = 'reason' | 'confirmation' | 'begun';

/** Asked on a panel before it is done: it ends something, or the organisations read its reason. */
export const asksFirst = (move: Move) => move.ends || move.reason;

/**
 * What a move still lacks, in the order the person is asked for it: the visit must have begun,
 * then a move asked first must be confirmed, then a reason given where one is needed.
 */
export function unmet(
	move: Move,
	given: { reason?: string | null; confirmed?: boolean; begun?: boolean }
): Unmet[] {
	const missing: Unmet[] = [];
	if (move.begun && !given.begun) missing.push('begun');
	if (asksFirst(move) && !given.confirmed) missing.push('confirmation');
	if (move.reason && !given.reason?.trim()) missing.push('reason');
	return missing;
}
