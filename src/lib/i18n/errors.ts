import type { ErrorCode } from '$lib/schemas/common';
import { m } from './index';

type Messages = Partial<Record<ErrorCode, () => string>>;

/** Words for an error code; `specific` lets a field say "Enter your password." for `required`. */
export function errorText(
	code: ErrorCode | undefined,
	specific: Messages = {}
): string | undefined {
	if (!code) return undefined;
	const general: Record<ErrorCode, () => string> = {
		required: m.form_required,
		invalid_email: m.login_error_email_invalid,
		too_long: m.login_error_too_long,
		invalid: m.form_invalid
	};
	return (specific[code] ?? general[code])();
}
