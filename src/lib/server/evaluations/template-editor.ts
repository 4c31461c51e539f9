// Editing the network's evaluation template (/admin/evaluation). The page edits a draft that
// travels in the form (add, remove, move work without JavaScript: each is a round trip); saving
// writes it as a new version, so evaluations already opened keep the questions they were sent.
import { count, desc, eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { evaluationQuestions, evaluationTemplates, evaluations } from '../db/schema';
import { currentTemplate, type Template } from './template';
import { recordAudit } from '../audit/log';
import { LOCALES, QUESTION_KINDS, type Locale, type QuestionKind } from '$lib/enums';

export const MAX_QUESTIONS = 40;
export const QUESTION_TEXT_MAX = 500;
export const OPTION_TEXT_MAX = 200;
export const MAX_OPTIONS = 12;

export type DraftQuestion = {
	code: string;
	kind: QuestionKind;
	required: boolean;
	text: Record<Locale, string>;
	/** Options of a choice question, one per line, per language. */
	choices: Record<Locale, string>;
};

export type TemplateError = 'required' | 'too_long' | 'choices_min' | 'choices_mismatch';
export type DraftErrors = Record<string, TemplateError>;

const perLocale = (f: (l: Locale) => string) =>
	Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Record<Locale, string>;

export function draftOf(template: Template): DraftQuestion[] {
	return template.questions.map((q) => ({
		code: q.code ?? '',
		kind: q.kind,
		required: q.required,
		text: { fr: q.textFr, en: q.textEn, es: q.textEs, ar: q.textAr },
		choices: perLocale((l) => (q.choices ?? []).map((c) => c[l]).join('\n'))
	}));
}

export function blankQuestion(): DraftQuestion {
	return {
		code: '',
		kind: 'rating',
		required: false,
		text: perLocale(() => ''),
		choices: perLocale(() => '')
	};
}

/** The draft as the form sent it (`q{i}.field`), cut to sane sizes. */
export function readDraft(form: FormData): DraftQuestion[] {
	const n = Math.min(Number(form.get('count')) || 0, MAX_QUESTIONS + 1);
	const str = (key: string, max: number) => {
		const v = form.get(key);
		return typeof v === 'string' ? v.slice(0, max) : '';
	};
	const draft: DraftQuestion[] = [];
	for (let i = 0; i < n; i++) {
		const kind = str(`q${i}.kind`, 20);
		draft.push({
			code: str(`q${i}.code`, 40),
			kind: (QUESTION_KINDS as readonly string[]).includes(kind) ? (kind as QuestionKind) : 'text',
			required: form.get(`q${i}.required`) === 'on',
			text: perLocale((l) => str(`q${i}.${l}`, QUESTION_TEXT_MAX + 100)),
			choices: perLocale((l) => str(`q${i}.choices_${l}`, (OPTION_TEXT_MAX + 2) * MAX_OPTIONS))
		});
	}
	return draft;
}

/** One edit of the draft: `add`, `remove:i`, `up:i`, `down:i`; anything else changes nothing. */
export function applyEdit(draft: DraftQuestion[], op: string): DraftQuestion[] {
	const out = [...draft];
	const [verb, raw] = op.split(':');
	const i = Number(raw);
	if (verb === 'add' && out.length < MAX_QUESTIONS) out.push(blankQuestion());
	else if (!Number.isInteger(i) || i < 0 || i >= out.length) return out;
	else if (verb === 'remove') out.splice(i, 1);
	else if (verb === 'up' && i > 0) [out[i - 1], out[i]] = [out[i], out[i - 1]];
	else if (verb === 'down' && i < out.length - 1) [out[i], out[i + 1]] = [out[i + 1], out[i]];
	return out;
}

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((s) => s.trim())
		.filter(Boolean);

/** Field errors of a draft, and whether it has at least one question (and not too many). */
export function checkDraft(draft: DraftQuestion[]) {
	const errors: DraftErrors = {};
	draft.forEach((q, i) => {
		for (const l of LOCALES) {
			const t = q.text[l].trim();
			if (!t) errors[`q${i}.${l}`] = 'required';
			else if (t.length > QUESTION_TEXT_MAX) errors[`q${i}.${l}`] = 'too_long';
		}
		if (q.kind !== 'choice') return;
		const counts = LOCALES.map((l) => lines(q.choices[l]).length);
		for (const [k, l] of LOCALES.entries()) {
			const key = `q${i}.choices_${l}`;
			if (counts[k] < 2) errors[key] = 'choices_min';
			else if (
				lines(q.choices[l]).some((o) => o.length > OPTION_TEXT_MAX) ||
				counts[k] > MAX_OPTIONS
			)
				errors[key] = 'too_long';
			else if (counts[k] !== counts[0]) errors[key] = 'choices_mismatch';
		}
	});
	const problem = draft.length === 0 ? 'empty' : draft.length > MAX_QUESTIONS ? 'too_many' : null;
	return { errors, problem };
}

/** Writes the draft (already checked) as the next version; returns its number. */
export function saveTemplate(db: DB, actorId: number, draft: DraftQuestion[], now = new Date()) {
	return db.transaction(
		(tx) => {
			const before = currentTemplate(tx);
			const version = before.version + 1;
			const template = tx
				.insert(evaluationTemplates)
				.values({ version, createdById: actorId, createdAt: now })
				.returning()
				.get();
			const seen = new Set<string>();
			draft.forEach((q, i) => {
				// A code ties a question to the same one in earlier versions (`overall`); one per version.
				const code = q.code && !seen.has(q.code) ? q.code : null;
				if (code) seen.add(code);
				const options = lines(q.choices.fr).map((_, k) => perLocale((l) => lines(q.choices[l])[k]));
				tx.insert(evaluationQuestions)
					.values({
						templateId: template.id,
						position: i + 1,
						code,
						kind: q.kind,
						required: q.required,
						textFr: q.text.fr.trim(),
						textEn: q.text.en.trim(),
						textEs: q.text.es.trim(),
						textAr: q.text.ar.trim(),
						choices: q.kind === 'choice' ? options : null
					})
					.run();
			});
			recordAudit(tx, {
				actorId,
				entity: 'evaluation_template',
				entityId: template.id,
				action: 'created',
				changes: { version, previous: before.version, questions: draft.length },
				at: now
			});
			return version;
		},
		{ behavior: 'immediate' }
	);
}

/** Every version, newest first, with how many evaluations were opened with it. */
export function templateVersions(db: DB) {
	return db
		.select({
			id: evaluationTemplates.id,
			version: evaluationTemplates.version,
			createdAt: evaluationTemplates.createdAt,
			questions: sql<number>`(SELECT count(*) FROM ${evaluationQuestions} WHERE ${evaluationQuestions.templateId} = ${evaluationTemplates.id})`,
			evaluations: count(evaluations.id)
		})
		.from(evaluationTemplates)
		.leftJoin(evaluations, eq(evaluations.templateId, evaluationTemplates.id))
		.groupBy(evaluationTemplates.id)
		.orderBy(desc(evaluationTemplates.version))
		.all();
}
