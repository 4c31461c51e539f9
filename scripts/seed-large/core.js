// The network itself: organisations, people, visits over twenty years with their organisations,
// themes, delegations and programmes. Plain prepared statements: millions of rows in seconds.
import { addDays, sentence, skewed } from './random.js';

export const REFERENCE_DAY = '2026-06-01';
const ZONES = [
	'Africa/Ouagadougou',
	'Africa/Porto-Novo',
	'Africa/Casablanca',
	'Indian/Comoro',
	'Europe/Paris',
	'America/Lima',
	'America/Port-au-Prince',
	'Asia/Phnom_Penh'
];
const COUNTRIES = ['BF', 'BJ', 'MA', 'KM', 'FR', 'PE', 'HT', 'KH', 'SN', 'CM', 'MG', 'ML', 'CD'];
const KINDS = ['observation', 'workshop', 'site_visit', 'meeting', 'debrief', 'travel', 'meal'];

export function seedOrganisations(db, random, count) {
	const insert = db.prepare(
		`INSERT INTO organisations (id, name, short_name, country, city, time_zone, description, is_network_staff)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const theme = db.prepare(
		'INSERT OR IGNORE INTO organisation_themes (organisation_id, theme_id) VALUES (?, ?)'
	);
	const themes = db.prepare('SELECT id FROM themes').pluck().all();
	for (let id = 1; id <= count; id++) {
		insert.run(
			id,
			`Organisation ${id}`,
			`ORG${id}`,
			random.pick(COUNTRIES),
			`Ville ${random.int(1, 400)}`,
			random.pick(ZONES),
			sentence(random, 12),
			id === 1 ? 1 : 0
		);
		for (let t = random.int(1, 3); t > 0; t--) theme.run(id, random.pick(themes));
	}
	return { themes };
}

/** User 1 is an admin and user 2 staff, both in organisation 1 (the network's own team). */
export function seedUsers(db, random, count, organisations, passwordHash) {
	const insert = db.prepare(
		`INSERT INTO users (id, email, name, password_hash, preferred_locale, global_role)
		 VALUES (?, ?, ?, ?, ?, ?)`
	);
	const member = db.prepare(
		'INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?)'
	);
	const locales = ['fr', 'fr', 'fr', 'en', 'es', 'ar'];
	for (let id = 1; id <= count; id++) {
		const organisationId = id <= 2 ? 1 : 1 + ((id - 1) % organisations);
		const role = id === 1 ? 'admin' : id === 2 ? 'staff' : 'member';
		insert.run(
			id,
			`user${id}@org${organisationId}.example.org`,
			`Personne ${id}`,
			passwordHash,
			random.pick(locales),
			role
		);
		// The first person of each organisation coordinates it.
		member.run(id, organisationId, id <= organisations ? 'coordinator' : 'member');
	}
}

function statusFor(random, startsOn) {
	const r = random.next();
	if (startsOn < REFERENCE_DAY) {
		return r < 0.45 ? 'completed' : r < 0.9 ? 'closed' : r < 0.95 ? 'cancelled' : 'declined';
	}
	return r < 0.1
		? 'draft'
		: r < 0.4
			? 'proposed'
			: r < 0.7
				? 'accepted'
				: r < 0.95
					? 'confirmed'
					: 'cancelled';
}

export function seedVisits(db, random, { visits, organisations, themes, agendaPerVisit }) {
	const pickOrganisation = skewed(organisations, random);
	const insertVisit = db.prepare(
		`INSERT INTO visits (id, title, kind, status, objectives, host_organisation_id, proposer_organisation_id,
		 starts_on, ends_on, time_zone, place, languages, status_reason, created_by_id)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '["fr"]', ?, ?)`
	);
	const insertParty = db.prepare(
		`INSERT OR IGNORE INTO visit_organisations (visit_id, organisation_id, role, response, reason)
		 VALUES (?, ?, ?, ?, ?)`
	);
	const insertTheme = db.prepare(
		'INSERT OR IGNORE INTO visit_themes (visit_id, theme_id) VALUES (?, ?)'
	);
	const insertDelegate = db.prepare(
		`INSERT INTO delegates (visit_id, organisation_id, name, function, email) VALUES (?, ?, ?, ?, ?)`
	);
	const insertSession = db.prepare(
		`INSERT INTO agenda_items (uid, visit_id, day, starts_at, ends_at, kind, title, place, position)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const spanDays = 20 * 365;
	const parties = [];
	let sessions = 0;
	for (let id = 1; id <= visits; id++) {
		// Spread over twenty years up to a year after the reference day, more in recent years.
		const offset = Math.floor(Math.sqrt(random.next()) * spanDays);
		const startsOn = addDays('2007-06-01', offset);
		const length = random.int(1, 6);
		const endsOn = addDays(startsOn, length - 1);
		const meeting = random.chance(0.05);
		const host = 1 + pickOrganisation();
		let visitor = 1 + pickOrganisation();
		if (visitor === host) visitor = (host % organisations) + 1;
		const status = statusFor(random, startsOn);
		const reason = status === 'cancelled' || status === 'declined' ? sentence(random, 6) : null;
		insertVisit.run(
			id,
			sentence(random, 5),
			meeting ? 'meeting' : 'exchange',
			status,
			sentence(random, 25),
			host,
			visitor,
			startsOn,
			endsOn,
			random.pick(ZONES),
			`Ville ${random.int(1, 400)}`,
			reason,
			null
		);
		const accepted = status === 'draft' || status === 'proposed' ? 'invited' : 'accepted';
		insertParty.run(id, host, 'host', accepted, null);
		insertParty.run(id, visitor, 'visitor', 'accepted', null);
		const visitors = [visitor];
		if (meeting) {
			for (let n = random.int(3, 12); n > 0; n--) {
				const other = 1 + pickOrganisation();
				if (other !== host && !visitors.includes(other)) {
					visitors.push(other);
					insertParty.run(id, other, 'visitor', accepted, null);
				}
			}
		}
		parties.push({ id, host, visitors, startsOn, endsOn, status });
		for (let t = random.int(1, 2); t > 0; t--) insertTheme.run(id, random.pick(themes));
		for (let d = random.int(2, 4); d > 0; d--) {
			insertDelegate.run(id, random.pick(visitors), `Délégué ${id}-${d}`, 'monitrice', null);
		}
		const count = random.int(agendaPerVisit - 6, agendaPerVisit + 6);
		for (let n = 0; n < count; n++) {
			const day = addDays(startsOn, n % length);
			const hour = 7 + Math.floor(n / length) * 2;
			if (hour > 21) break;
			const start = `${String(hour).padStart(2, '0')}:00`;
			const end = `${String(hour + 1).padStart(2, '0')}:30`;
			insertSession.run(
				`seed-${id}-${n}`,
				id,
				day,
				start,
				end,
				random.pick(KINDS),
				sentence(random, 4),
				`Salle ${random.int(1, 9)}`,
				n
			);
			sessions++;
		}
	}
	return { parties, sessions };
}
