import { intlLocale } from './index';

/** "4,3" in French, "4.3" in English and Arabic (Latin digits): one decimal, as a mean reads. */
export function formatMean(value: number, locale?: string) {
	return new Intl.NumberFormat(intlLocale(locale), {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(value);
}

/** A share as a whole percentage of a total (0 when there is no total). */
export function percent(part: number, total: number) {
	return total > 0 ? Math.round((100 * part) / total) : 0;
}
