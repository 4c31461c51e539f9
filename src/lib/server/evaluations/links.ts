// A visit's evaluation (DESIGN.md, journey step 5): opening it and the private links sent to every
// delegate (reminders: reminders.ts; who answered: roster.ts). Links carry a long random token of which only the
// SHA-256 is kept, so a reminder cannot repeat an old link: it sends a new one, which replaces
// the previous (the mail says so). Answers themselves are in sheet.ts.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DB, Tx } from '../db';
import { delegates, evaluationResponses, evaluations, users } from '../db/schema';
import { generateSessionToken, sessionIdFromToken } from '../accounts/sessions';
import { currentTemplate } from './template';
import { recordAudit } from '../audit/log';
import { enqueueLetter } from '../notifications/outbox';
import { recordNotification } from '../notifications/in-app';
import { evaluationLetter, visitFacts } from '../notifications/letters';
import { LOCALES, type Locale } from '$lib/enums';

export const TOKEN_LIFETIME_MS = 60 * 24 * 60 * 60_000;
/** The one-click reminder reaches a person at most once in this time. */
export const REMIND_GAP_MS = 24 * 60 * 60_000;

export type EvaluationContext = { actorId: number | null; origin: string; now?: Date };
export type EvaluatedVisit = { id: number; title: string; languages: string[] };
type Response = typeof evaluationResponses.$inferSelect;
type LinkKind = 'open' | 'reminder';

export function evaluationOf(db: Tx, visitId: number) {
	return db.select().from(evaluations).where(eq(evaluations.visitId, visitId)).get();
}

export function newToken() {
	const token = generateSessionToken() + generateSessionToken();
	return { token, hash: sessionIdFromToken(token) };
}

/** Where a delegate's link goes now: their own address, else their account's. */
function recipientOf(tx: Tx, delegateId: number | null, userId: number | null) {
	const d = delegateId
		? tx
				.select({ email: delegates.email, userId: delegates.userId })
				.from(delegates)
				.where(eq(delegates.id, delegateId))
				.get()
		: undefined;
	const accountId = d?.userId ?? userId;
	const account = accountId
		? tx
				.select({
					id: users.id,
					email: users.email,
					locale: users.preferredLocale,
					timeZone: users.timeZone
				})
				.from(users)
				.where(and(eq(users.id, accountId), eq(users.disabled, false)))
				.get()
		: undefined;
	return {
		email: d?.email?.trim() || account?.email || null,
		userId: account?.id ?? null,
		locale: account?.locale ?? null,
		timeZone: account?.timeZone || null
	};
}

/** The language of a mail to someone without a preference: the visit's first one we speak. */
function visitLocale(visit: EvaluatedVisit): Locale {
	return (visit.languages.find((l) => (LOCALES as readonly string[]).includes(l)) ??
		'fr') as Locale;
}

/**
 * Gives the response a new link and sends it by mail (and in-app to an account). Returns whether
 * anyone could be told; a delegate with no address and no account stays "not sent".
 */
export function sendLink(
	tx: Tx,
	ctx: EvaluationContext,
	visit: EvaluatedVisit,
	response: Pick<Response, 'id' | 'delegateId' | 'userId' | 'respondentName'>,
	kind: LinkKind
): boolean {
	const now = ctx.now ?? new Date();
	const to = recipientOf(tx, response.delegateId, response.userId);
	if (!to.email && !to.userId) return false;
	const { token, hash } = newToken();
	const expires = new Date(now.getTime() + TOKEN_LIFETIME_MS);
	const locale: Locale = to.locale ?? visitLocale(visit);
	const link = `${ctx.origin}/e/${token}?lang=${locale}`;
	tx.update(evaluationResponses)
		.set({
			tokenHash: hash,
			tokenExpiresAt: expires,
			userId: to.userId,
			...(kind === 'open' ? { sentAt: now } : { remindedAt: now })
		})
		.where(eq(evaluationResponses.id, response.id))
		.run();
	const mailKind = kind === 'open' ? 'evaluation_opened' : 'evaluation_reminder';
	const facts = to.email ? visitFacts(tx, visit.id) : undefined;
	if (to.email && facts) {
		// Someone without an account reads times in the visit's time zone, where they will be.
		const zone = to.timeZone ?? facts.timeZone;
		const letter = evaluationLetter(
			kind,
			response.respondentName,
			facts,
			link,
			expires,
			locale,
			zone
		);
		enqueueLetter(tx, to.email, mailKind, letter);
	}
	if (to.userId) recordNotification(tx, to.userId, mailKind, visit.id, { title: visit.title }, now);
	return true;
}

/**
 * Creates a sheet for every delegate who has none yet and sends the links not sent so far (a
 * delegate given an address since). Returns the names reached and those without any address.
 */
function sendPending(tx: Tx, ctx: EvaluationContext, visit: EvaluatedVisit, evaluationId: number) {
	const now = ctx.now ?? new Date();
	const missing = tx
		.select({
			id: delegates.id,
			name: delegates.name,
			organisationId: delegates.organisationId,
			userId: delegates.userId
		})
		.from(delegates)
		.leftJoin(
			evaluationResponses,
			and(
				eq(evaluationResponses.delegateId, delegates.id),
				eq(evaluationResponses.evaluationId, evaluationId)
			)
		)
		.where(and(eq(delegates.visitId, visit.id), isNull(evaluationResponses.id)))
		.orderBy(asc(delegates.id))
		.all();
	for (const d of missing) {
		tx.insert(evaluationResponses)
			.values({
				evaluationId,
				delegateId: d.id,
				organisationId: d.organisationId,
				respondentName: d.name,
				userId: d.userId,
				// Unusable until a link is sent: nobody knows the token behind this hash.
				tokenHash: newToken().hash,
				tokenExpiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS),
				createdAt: now
			})
			.run();
	}
	const unsent = tx
		.select()
		.from(evaluationResponses)
		.where(
			and(eq(evaluationResponses.evaluationId, evaluationId), isNull(evaluationResponses.sentAt))
		)
		.orderBy(asc(evaluationResponses.id))
		.all();
	const sent: string[] = [];
	const unreachable: string[] = [];
	for (const r of unsent) {
		(sendLink(tx, ctx, visit, r, 'open') ? sent : unreachable).push(r.respondentName);
	}
	return { sent, unreachable };
}

export type OpenResult =
	{ ok: true; sent: string[]; unreachable: string[] } | { ok: false; reason: 'already_open' };

/** Opens the visit's evaluation with the current template and sends every delegate's link. */
export function openEvaluation(
	db: DB,
	ctx: EvaluationContext,
	visit: EvaluatedVisit,
	options: { anonymous: boolean }
): OpenResult {
	const now = ctx.now ?? new Date();
	return db.transaction(
		(tx) => {
			if (evaluationOf(tx, visit.id))
				return { ok: false as const, reason: 'already_open' as const };
			const template = currentTemplate(tx);
			const evaluation = tx
				.insert(evaluations)
				.values({
					visitId: visit.id,
					templateId: template.id,
					anonymous: options.anonymous,
					openedById: ctx.actorId,
					openedAt: now
				})
				.returning()
				.get();
			const result = sendPending(tx, ctx, visit, evaluation.id);
			recordAudit(tx, {
				actorId: ctx.actorId,
				entity: 'visit',
				entityId: visit.id,
				action: 'evaluation_opened',
				changes: {
					templateVersion: template.version,
					anonymous: options.anonymous,
					sent: result.sent.length
				},
				at: now
			});
			return { ok: true as const, ...result };
		},
		{ behavior: 'immediate' }
	);
}

/** Links for delegates added (or given an address) since the evaluation was opened. */
export function sendToNewDelegates(db: DB, ctx: EvaluationContext, visit: EvaluatedVisit) {
	return db.transaction(
		(tx) => {
			const evaluation = evaluationOf(tx, visit.id);
			if (!evaluation) return null;
			return sendPending(tx, ctx, visit, evaluation.id);
		},
		{ behavior: 'immediate' }
	);
}
