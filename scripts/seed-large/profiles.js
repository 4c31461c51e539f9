// Profile entries: a few practices each organisation can share and one or two things it wants to
// learn, in the network's languages, each with a theme (finding a peer and the suggestions read
// them). The full-text index fills through its triggers: a few thousand rows.
import { sentence } from './random.js';

export function seedProfiles({ client, random, organisations, themes, counts, step }) {
	let n = 0;
	step('profiles', () => {
		const insert = client.prepare(
			'INSERT INTO practices (organisation_id, kind, title, description) VALUES (?, ?, ?, ?)'
		);
		const theme = client.prepare(
			'INSERT OR IGNORE INTO practice_themes (practice_id, theme_id) VALUES (?, ?)'
		);
		for (let org = 1; org <= organisations; org++) {
			const locale = random.chance(0.7) ? 'fr' : random.pick(['en', 'es', 'ar']);
			const entries = [
				...Array.from({ length: random.int(1, 4) }, () => 'share'),
				...Array.from({ length: random.int(1, 2) }, () => 'learn')
			];
			for (const kind of entries) {
				const { lastInsertRowid } = insert.run(
					org,
					kind,
					sentence(random, random.int(2, 5), locale),
					sentence(random, random.int(8, 16), locale)
				);
				theme.run(lastInsertRowid, random.pick(themes));
				n++;
			}
		}
	});
	counts.practices = n;
}
