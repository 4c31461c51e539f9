import type { Session, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/enums';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			locale: Locale;
		}
	}
}

export {};
