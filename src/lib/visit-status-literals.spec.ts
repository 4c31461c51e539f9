// Keeps visit-lifecycle.ts the one place that spells visit statuses: a list or a comparison
// written elsewhere drifts from the table the day a state is added.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(process.cwd(), 'src');
/** Where statuses are spelled on purpose: the table, the enum (the schema's CHECK) and data. */
const ALLOWED = [
	/^lib\/visit-lifecycle\.ts$/,
	/^lib\/enums\.ts$/,
	/^lib\/server\/db\/schema\//,
	/^lib\/server\/demo\//,
	/^lib\/paraglide\//,
	/\.spec\.ts$/,
	/fixtures\.ts$/
];
/** Words that name nothing but a visit status anywhere in the code. */
const ONLY_VISIT = /(["'`])(proposed|confirmed|completed|closed|cancelled)\1/;
/** Also an organisation's response, a date proposal's status, a form intent or a saved sheet. */
const SHARED = /(["'`])(draft|accepted|declined)\1/;
/** A visit's status on the same line: then a shared word is compared with or listed as one. */
const VISIT_STATUS_NEAR =
	/\b(?:visits?|current|before|next|target|t\.visit|c\.visit)\.status\b|\bVisitStatus\b|inArray\(visits\.status/;

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return files(path);
		return /\.(ts|js|svelte)$/.test(e.name) ? [path] : [];
	});
}

/** The code of a line, without its comment (a `//` after a space or at the start, or a doc line). */
function code(line: string): string {
	const trimmed = line.trim();
	if (/^(\*|\/\*|<!--)/.test(trimmed)) return '';
	return line.replace(/(^|\s)\/\/.*$/, '');
}

export function offences(path: string, text: string): string[] {
	return text.split('\n').flatMap((line, i) => {
		const c = code(line);
		const hit = ONLY_VISIT.test(c) || (SHARED.test(c) && VISIT_STATUS_NEAR.test(c));
		return hit ? [`${path}:${i + 1}: ${line.trim()}`] : [];
	});
}

describe('visit status literals', () => {
	it('appear only in the lifecycle module, the enums, the schema, the demo data and tests', () => {
		const found = files(ROOT)
			.map((f) => relative(ROOT, f).split('\\').join('/'))
			.filter((rel) => !ALLOWED.some((a) => a.test(rel)))
			.flatMap((rel) => offences(rel, readFileSync(join(ROOT, rel), 'utf8')));
		expect(found).toEqual([]);
	});

	it('tells a visit status from the same word used for something else', () => {
		// Flagged: statuses listed or compared.
		expect(offences('a.ts', "const S = ['completed', 'closed'];")).toHaveLength(1);
		expect(offences('a.ts', "if (visit.status === 'declined') x();")).toHaveLength(1);
		expect(offences('a.ts', 'eq(visits.status, "draft")')).toHaveLength(1);
		expect(offences('a.svelte', "{#if visit.status !== 'accepted'}")).toHaveLength(1);
		// Not flagged: an organisation's answer, a date proposal, a form intent, a comment.
		expect(offences('a.ts', "p.response === 'declined'")).toEqual([]);
		expect(offences('a.ts', "set({ status: accept ? 'accepted' : 'rejected' })")).toEqual([]);
		expect(offences('a.svelte', '<button name="intent" value="draft">')).toEqual([]);
		expect(offences('a.ts', '// once `completed`, a visit is history')).toEqual([]);
	});
});
