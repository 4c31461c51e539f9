// One e-mail written once and rendered twice: plain text, and simple HTML that any client shows
// (inline styles, no images, nothing fetched from elsewhere). Every piece of text is escaped
// here, so user words (a title, a note) can never become markup.
import { textDirection } from '$lib/i18n';
import type { Locale } from '$lib/enums';

export type Letter = {
	locale: Locale;
	subject: string;
	greeting?: string;
	/** The sentence that says what happened. */
	lead: string;
	/** Label and value; a value may have several lines (objectives). */
	facts?: [string, string][];
	/** Words someone wrote with the change: a note, a reason. */
	quote?: { label: string; text: string };
	/** Where to answer and what to do there. */
	action?: { label: string; url: string; hint: string };
	/** The digest's entries. */
	items?: { text: string; when: string; url: string }[];
	/** Small print: why this mail, how to change it. */
	footer?: { text: string; url?: string }[];
};

export function escapeHtml(text: string) {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

function plain(letter: Letter): string {
	// French puts a space before the colon; the other languages do not.
	const colon = letter.locale === 'fr' ? ' :' : ':';
	const parts: string[] = [];
	if (letter.greeting) parts.push(letter.greeting);
	parts.push(letter.lead);
	if (letter.facts?.length) {
		parts.push(letter.facts.map(([label, value]) => `${label}${colon} ${value}`).join('\n'));
	}
	if (letter.quote) parts.push(`${letter.quote.label}${colon}\n${letter.quote.text}`);
	for (const item of letter.items ?? []) parts.push(`${item.when} · ${item.text}\n${item.url}`);
	if (letter.action) {
		parts.push(`${letter.action.label}${colon}\n${letter.action.url}\n${letter.action.hint}`);
	}
	if (letter.footer?.length) {
		parts.push(
			'—\n' + letter.footer.map((f) => (f.url ? `${f.text}\n${f.url}` : f.text)).join('\n')
		);
	}
	return parts.join('\n\n') + '\n';
}

const STYLE = {
	body: 'margin:0;padding:16px;background:#f6f6f4;font-family:Arial,Helvetica,sans-serif;color:#1d1d1b;font-size:16px;line-height:1.5',
	card: 'max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #ddddd8;border-radius:6px;padding:20px',
	th: 'text-align:start;vertical-align:top;padding:4px 12px 4px 0;color:#55554f;font-weight:normal;white-space:nowrap',
	td: 'vertical-align:top;padding:4px 0;white-space:pre-line',
	quote:
		'margin:12px 0;padding:8px 12px;border-inline-start:4px solid #b5b5ad;white-space:pre-line',
	button:
		'display:inline-block;background:#1f5f8b;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:4px;font-weight:bold',
	small: 'color:#55554f;font-size:13px'
};

const p = (inner: string, style = '') => `<p style="margin:12px 0;${style}">${inner}</p>`;
const link = (url: string, text: string, style = '') =>
	`<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(text)}</a>`;

function card(letter: Letter): string {
	const out: string[] = [];
	if (letter.greeting) out.push(p(escapeHtml(letter.greeting)));
	out.push(p(`<strong>${escapeHtml(letter.lead)}</strong>`));
	if (letter.facts?.length) {
		const rows = letter.facts.map(
			([label, value]) =>
				`<tr><th scope="row" style="${STYLE.th}">${escapeHtml(label)}</th><td style="${STYLE.td}">${escapeHtml(value)}</td></tr>`
		);
		out.push(
			`<table role="presentation" style="border-collapse:collapse">${rows.join('')}</table>`
		);
	}
	if (letter.quote) {
		out.push(p(escapeHtml(letter.quote.label), 'margin-bottom:0'));
		out.push(`<blockquote style="${STYLE.quote}">${escapeHtml(letter.quote.text)}</blockquote>`);
	}
	if (letter.items?.length) {
		const items = letter.items.map(
			(i) =>
				`<li style="margin:8px 0"><span style="${STYLE.small}">${escapeHtml(i.when)}</span><br>${link(i.url, i.text, 'color:#1f5f8b')}</li>`
		);
		out.push(`<ul style="padding-inline-start:20px">${items.join('')}</ul>`);
	}
	if (letter.action) {
		out.push(p(link(letter.action.url, letter.action.label, STYLE.button)));
		out.push(p(escapeHtml(letter.action.hint)));
	}
	for (const f of letter.footer ?? []) {
		out.push(p(f.url ? link(f.url, f.text, 'color:#55554f') : escapeHtml(f.text), STYLE.small));
	}
	const dir = textDirection(letter.locale);
	return `<div lang="${letter.locale}" dir="${dir}" style="${STYLE.card}">${out.join('')}</div>`;
}

function html(letters: Letter[], subject: string): string {
	const [{ locale }] = letters;
	return (
		`<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8">` +
		`<title>${escapeHtml(subject)}</title></head><body style="${STYLE.body}">` +
		letters.map(card).join('<div style="height:16px"></div>') +
		'</body></html>'
	);
}

/** Several letters are one mail in several languages (an invitation to someone not yet known). */
export function renderLetter(...letters: Letter[]) {
	const subject = letters.map((l) => l.subject).join(' / ');
	return {
		subject,
		text: letters.map(plain).join('\n—\n\n'),
		html: html(letters, subject),
		locale: letters.map((l) => l.locale).join(', ')
	};
}
