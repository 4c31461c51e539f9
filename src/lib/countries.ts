// ISO 3166-1 alpha-2 codes the runtime can name. Built from Intl rather than a copied table, so
// names and codes always agree with what countryName() shows.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'QO', 'UN', 'XA', 'XB', 'ZZ']);

let cached: string[] | undefined;

export function countryCodes(): string[] {
	if (cached) return cached;
	const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
	const codes: string[] = [];
	for (let a = 65; a <= 90; a++) {
		for (let b = 65; b <= 90; b++) {
			const code = String.fromCharCode(a, b);
			let name: string | undefined;
			try {
				name = names.of(code);
			} catch {
				name = undefined;
			}
			if (name && name !== code && !NOT_COUNTRIES.has(code)) codes.push(code);
		}
	}
	return (cached = codes);
}

export const isCountryCode = (code: string) => countryCodes().includes(code);
