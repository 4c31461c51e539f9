import type { ErrorCode, FieldError, TooLong } from '$lib/schemas/common';
import { MAX_SESSIONS_PER_DAY } from '$lib/agenda';
import { intlLocale, m } from './index';

type Messages = Partial<Record<ErrorCode, () => string>>;

const count = (n: number) => new Intl.NumberFormat(intlLocale()).format(n);

/** "200 characters at most — you typed 5 000", in the reader's language and digits. */
export function tooLongText({ max, typed, kept }: TooLong) {
	const counts = { max: count(max), typed: count(typed) };
	return kept
		? m.form_too_long_kept({ ...counts, kept: count(kept) })
		: m.form_too_long_count(counts);
}

/** Words for an error code; `specific` lets a field say "Enter your password." for `required`. */
export function errorText(
	error: FieldError | undefined,
	specific: Messages = {}
): string | undefined {
	if (!error) return undefined;
	if (typeof error === 'object') return tooLongText(error);
	const code = error;
	const general: Record<ErrorCode, () => string> = {
		required: m.form_required,
		invalid_email: m.login_error_email_invalid,
		too_long: m.login_error_too_long,
		too_short: () => m.form_too_short({ min: 10 }),
		mismatch: m.form_mismatch,
		wrong_password: m.form_wrong_password,
		invalid_time_zone: m.form_invalid_time_zone,
		email_taken: m.form_email_taken,
		taken: m.form_taken,
		invalid_date: m.form_invalid_date,
		end_before_start: m.form_end_before_start,
		same_organisation: m.form_same_organisation,
		stale: m.form_stale,
		invalid_time: m.form_invalid_time,
		invalid: m.form_invalid,
		invalid_datetime: m.form_invalid_datetime,
		departure_before_arrival: m.form_departure_before_arrival,
		not_member: m.form_not_member,
		overlap: m.form_overlap,
		day_full: () => m.agenda_day_full({ max: MAX_SESSIONS_PER_DAY }),
		one_line: m.form_one_line,
		control_characters: m.form_control_characters,
		past_date: m.form_past_date
	};
	return (specific[code] ?? general[code])();
}
