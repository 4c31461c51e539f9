// Names people typed (a visit's title, an organisation, a reason) are often in another script than
// the sentence around them: a French title inside an Arabic sentence. First-strong isolates keep
// each name in its own direction, so the quotes and the words around it stay where they belong.
const NAMES = ['title', 'organisation', 'reason'];

export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}

/** The same payload with its typed names isolated; codes and dates are left as they are. */
export function isolateNames<T extends Record<string, string | number>>(payload: T): T {
	const out: Record<string, string | number> = { ...payload };
	for (const key of NAMES) {
		if (typeof out[key] === 'string') out[key] = isolate(out[key]);
	}
	return out as T;
}
