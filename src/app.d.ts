import type { Session, SessionUser } from '$lib/server/accounts/sessions';
import type { Locale } from '$lib/enums';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Set for unexpected errors: the key to the server log entry with the details. */
			id?: string;
			/** Set when the form's body could not be read (http/body.ts): the message says so. */
			unreadable?: true;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			locale: Locale;
		}
	}
}

export {};
