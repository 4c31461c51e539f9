// Every length and number limit of the forms, typed once: the schemas check them and the markup
// (maxlength, min, max) reads them, so the browser and the server can never disagree.

export const EMAIL_MAX = 254;

export const LIMITS = {
	account: { name: 100, timeZone: 64, password: { min: 10, max: 256 } },
	login: { email: EMAIL_MAX, password: 256 },
	invitation: { email: EMAIL_MAX, name: 100 },
	organisation: {
		name: 150,
		shortName: 40,
		country: 2,
		city: 100,
		timeZone: 64,
		description: 2000
	},
	theme: { slug: 40, name: 80 },
	visit: {
		title: 200,
		objectives: 5000,
		timeZone: 64,
		place: 200,
		expectedSize: { min: 1, max: 1000 },
		themes: 30,
		visitors: 200,
		/** A decline's reason, a date proposal's note, a cancellation's reason. */
		reason: 2000
	},
	session: { title: 200, place: 200, leadName: 120, notes: 2000 },
	delegate: { name: 150, function: 150, email: EMAIL_MAX, needs: 1000 },
	/** A lesson's texts (what was observed, what we will adapt): a page or two. */
	lesson: { title: 200, text: 20_000, themes: 30 },
	action: { title: 200, details: 5000, note: 5000 },
	/** An organisation's profile entry (a practice it shares or wishes to learn). */
	practice: { title: 120, description: 500, themes: 10 },
	/** Search and filter boxes (GET): longer queries are not refused, only not searched whole. */
	search: { query: 200 },
	/** A free-text answer of an evaluation sheet (the database checks it too). */
	evaluation: { answer: 5000 }
} as const;

/**
 * The longest text kept to refill a form after an error: 100 000 characters, five times the
 * longest field (a lesson's 20 000) and 500 times a title's, so whatever a person pastes comes
 * back whole to be shortened; only a post meant to tire the server is cut, and its error says so.
 */
export const KEPT_MAX = 100_000;
