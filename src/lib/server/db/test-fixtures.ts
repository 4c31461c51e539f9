// Small builders for unit tests: the rows a test needs, with defaults for the rest.
import type { DB } from './index';
import { memberships, organisations, users, visitOrganisations, visits } from './schema';
import type {
	Locale,
	MembershipRole,
	VisitOrgResponse,
	VisitOrgRole,
	VisitStatus
} from '$lib/enums';

export function addOrganisation(db: DB, shortName: string, timeZone = 'Africa/Ouagadougou') {
	return db
		.insert(organisations)
		.values({ name: shortName, shortName, country: 'BF', city: 'Ouagadougou', timeZone })
		.returning()
		.get().id;
}

export function addUser(
	db: DB,
	email: string,
	options: {
		locale?: Locale | null;
		disabled?: boolean;
		memberOf?: [organisationId: number, role: MembershipRole][];
	} = {}
) {
	const id = db
		.insert(users)
		.values({
			email,
			name: email.split('@')[0],
			passwordHash: 'not a real hash',
			preferredLocale: options.locale ?? null,
			disabled: options.disabled ?? false
		})
		.returning()
		.get().id;
	for (const [organisationId, role] of options.memberOf ?? []) {
		db.insert(memberships).values({ userId: id, organisationId, role }).run();
	}
	return id;
}

export function addVisit(
	db: DB,
	values: {
		title?: string;
		status: VisitStatus;
		startsOn: string;
		endsOn: string;
		timeZone: string;
		organisations: [organisationId: number, role: VisitOrgRole, response?: VisitOrgResponse][];
	}
) {
	const host = values.organisations.find(([, role]) => role === 'host')![0];
	const id = db
		.insert(visits)
		.values({
			title: values.title ?? `Visit ending ${values.endsOn}`,
			status: values.status,
			hostOrganisationId: host,
			proposerOrganisationId: values.organisations.find(([, r]) => r !== 'host')?.[0] ?? host,
			startsOn: values.startsOn,
			endsOn: values.endsOn,
			timeZone: values.timeZone
		})
		.returning()
		.get().id;
	for (const [organisationId, role, response = 'accepted'] of values.organisations) {
		const reason = response === 'declined' ? 'Not this year.' : null;
		db.insert(visitOrganisations)
			.values({ visitId: id, organisationId, role, response, reason })
			.run();
	}
	return id;
}
