// Why the server refused a move, copy or reorder, in words (the same reasons for every path).
import { m } from '$lib/i18n';
import { formatDate } from '$lib/i18n/format';
import { MAX_SESSIONS_PER_DAY } from '$lib/agenda';

export type Refused = {
	reason: 'outside' | 'full' | 'overlap' | 'length' | 'lead';
	day?: string;
	titles?: string[];
};

export function refusalText(refused: Refused, locale: string, copyingDay = false) {
	switch (refused.reason) {
		case 'overlap':
			return m.agenda_refused_overlap({
				day: formatDate(refused.day ?? '', locale),
				titles: (refused.titles ?? []).join(', ')
			});
		case 'full':
			return copyingDay
				? m.agenda_copy_refused({ max: MAX_SESSIONS_PER_DAY })
				: m.agenda_day_full({ max: MAX_SESSIONS_PER_DAY });
		case 'length':
			return m.agenda_full();
		default:
			return m.agenda_refused_outside();
	}
}
