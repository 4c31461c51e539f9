// What finding a peer and suggesting exchanges compare: words folded as the full-text indexes fold
// them (case and accents ignored, unicode61 remove_diacritics 2), without the little words of the
// four languages, and a crude plural rule so "libraries" meets "library" and "bibliothèques"
// meets "bibliothèque". Pure functions: the pages get highlighted text as segments, never HTML.

/** Words that say nothing about the subject ("we want to learn about …") in fr, en, es, ar. */
const STOP = new Set(
	(
		'le la les l de des du d un une et ou en au aux a à pour par sur avec dans chez nous vous on ' +
		'notre nos leur leurs est sont veut voulons voudrions apprendre comment faire mieux plus qui que ' +
		'the an of and or to for on in at with we our us want would like learn learning about how do ' +
		'is are it its from by into more better what who ' +
		'el los las del y o para con sobre por una unos unas como queremos aprender nuestra nuestro ' +
		'mas más que se su sus es son ' +
		'في من على عن إلى الى و أو مع كيف نريد أن ان نتعلم تعلم هذا هذه'
	)
		.split(/\s+/)
		.map(fold)
);

/** Lower case without accents: "Bibliothèque" → "bibliotheque". */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word's comparable form: folded, plural endings dropped. */
export function stem(word: string): string {
	const w = fold(word);
	if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
	if (w.length > 3 && (w.endsWith('s') || w.endsWith('x'))) return w.slice(0, -1);
	return w;
}

/** The words of a text, as written (letters and digits; apostrophes split "l'école"). */
export function words(text: string): string[] {
	return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What a query asks about: its significant words, stemmed, distinct, at most eight. */
export function queryTerms(query: string): string[] {
	const out: string[] = [];
	for (const w of words(query.slice(0, 200))) {
		const s = stem(w);
		if (s.length < 2 || STOP.has(fold(w)) || out.includes(s)) continue;
		out.push(s);
		if (out.length === 8) break;
	}
	return out;
}

/** The significant words of a text, stemmed: what two profile entries compare. */
export function significantWords(text: string): Set<string> {
	return new Set(
		words(text)
			.filter((w) => w.length >= 4 && !STOP.has(fold(w)))
			.map(stem)
	);
}

/** Does this word of a text answer one of the terms? Terms match as prefixes ("biblio…"). */
export function wordMatches(word: string, terms: string[]): boolean {
	const s = stem(word);
	const f = fold(word);
	return terms.some((t) => s.startsWith(t) || f.startsWith(t));
}

export type Segment = { text: string; mark: boolean };

/** A text cut where the terms match, for `<mark>` in the page (rendered as text, escaped). */
export function highlight(text: string, terms: string[]): Segment[] {
	const out: Segment[] = [];
	for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
		if (!part) continue;
		const mark = /[\p{L}\p{N}]/u.test(part) && terms.length > 0 && wordMatches(part, terms);
		const last = out.at(-1);
		if (last && last.mark === mark) last.text += part;
		else out.push({ text: part, mark });
	}
	return out;
}

export type NamedTheme = {
	id: number;
	slug: string;
	nameFr: string;
	nameEn: string;
	nameEs: string;
	nameAr: string;
};

/**
 * The themes a query names, in any of the four languages: a theme matches when one of its
 * names holds a word that one of the terms begins.
 */
export function matchingThemes<T extends NamedTheme>(themes: T[], terms: string[]): T[] {
	if (!terms.length) return [];
	return themes.filter((t) =>
		[t.nameFr, t.nameEn, t.nameEs, t.nameAr].some((name) =>
			words(name).some((w) => !STOP.has(fold(w)) && wordMatches(w, terms))
		)
	);
}

/** The full-text query for these terms (FTS5 syntax, each term quoted): all, as prefixes. */
export function ftsAll(terms: string[]): string | null {
	return terms.length ? terms.map((t) => `"${t.replaceAll('"', '')}"*`).join(' AND ') : null;
}
