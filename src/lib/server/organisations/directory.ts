import { asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DB } from '../db';
import {
	invitations,
	memberships,
	organisationThemes,
	organisations,
	themes,
	visitOrganisations,
	visits
} from '../db/schema';
import { recordAudit } from '../audit/log';
import type { OrganisationInput, ThemeInput } from '$lib/schemas/admin';

export type Theme = typeof themes.$inferSelect;

export function listThemes(db: DB): Theme[] {
	return db.select().from(themes).orderBy(asc(themes.slug)).all();
}

/** Every organisation with its themes, in two queries whatever the size of the network. */
export function listOrganisations(db: DB) {
	const orgs = db.select().from(organisations).orderBy(asc(organisations.name)).all();
	const links = orgs.length
		? db
				.select({ organisationId: organisationThemes.organisationId, theme: themes })
				.from(organisationThemes)
				.innerJoin(themes, eq(organisationThemes.themeId, themes.id))
				.where(
					inArray(
						organisationThemes.organisationId,
						orgs.map((o) => o.id)
					)
				)
				.orderBy(asc(themes.slug))
				.all()
		: [];
	const byOrganisation = new Map<number, typeof links>();
	for (const l of links)
		byOrganisation.set(l.organisationId, [...(byOrganisation.get(l.organisationId) ?? []), l]);
	return orgs.map((org) => ({
		...org,
		themes: (byOrganisation.get(org.id) ?? []).map((l) => l.theme)
	}));
}

export function getOrganisation(db: DB, id: number) {
	return db.select().from(organisations).where(eq(organisations.id, id)).get();
}

/** Organisations a form may offer: archived ones keep their history but take no new work. */
export function activeOrganisations(db: DB) {
	return db
		.select({
			id: organisations.id,
			name: organisations.name,
			shortName: organisations.shortName,
			timeZone: organisations.timeZone
		})
		.from(organisations)
		.where(isNull(organisations.archivedAt))
		.orderBy(asc(organisations.name))
		.all();
}

type SaveResult = { ok: true; id: number } | { ok: false; field: 'name' | 'shortName' };

/** Which of the two names another organisation already uses (case ignored), if any. */
export function organisationNameClash(
	db: DB,
	input: { name: string; shortName: string },
	exceptId?: number
): 'name' | 'shortName' | undefined {
	for (const field of ['name', 'shortName'] as const) {
		const value = input[field].trim().toLowerCase();
		if (!value) continue;
		const other = db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(sql`lower(${organisations[field]})`, value))
			.get();
		if (other && other.id !== exceptId) return field;
	}
}

export function createOrganisation(db: DB, actorId: number, input: OrganisationInput): SaveResult {
	const taken = organisationNameClash(db, input);
	if (taken) return { ok: false, field: taken };
	return db.transaction((tx) => {
		const { id } = tx.insert(organisations).values(input).returning({ id: organisations.id }).get();
		recordAudit(tx, {
			actorId,
			entity: 'organisation',
			entityId: id,
			action: 'created',
			changes: input
		});
		return { ok: true as const, id };
	});
}

export function updateOrganisation(
	db: DB,
	actorId: number,
	id: number,
	input: OrganisationInput
): SaveResult | { ok: false; field: 'not_found' } {
	const before = getOrganisation(db, id);
	if (!before) return { ok: false, field: 'not_found' };
	const taken = organisationNameClash(db, input, id);
	if (taken) return { ok: false, field: taken };
	const changes = Object.fromEntries(
		Object.entries(input).filter(([k, v]) => before[k as keyof OrganisationInput] !== v)
	);
	db.transaction((tx) => {
		tx.update(organisations).set(input).where(eq(organisations.id, id)).run();
		recordAudit(tx, { actorId, entity: 'organisation', entityId: id, action: 'updated', changes });
	});
	return { ok: true, id };
}

/** What still points at an organisation; one with any of these can be archived, never deleted. */
export function organisationUsage(db: DB, id: number) {
	const one = (table: typeof visitOrganisations | typeof memberships | typeof invitations) =>
		db.select({ n: count() }).from(table).where(eq(table.organisationId, id)).get()!.n;
	const hosted = db
		.select({ n: count() })
		.from(visits)
		.where(or(eq(visits.hostOrganisationId, id), eq(visits.proposerOrganisationId, id)))
		.get()!.n;
	return {
		visits: Math.max(hosted, one(visitOrganisations)),
		members: one(memberships),
		invitations: one(invitations)
	};
}

export function setOrganisationArchived(db: DB, actorId: number, id: number, archived: boolean) {
	return db.transaction((tx) => {
		const done = tx
			.update(organisations)
			.set({ archivedAt: archived ? new Date() : null })
			.where(eq(organisations.id, id))
			.run();
		if (done.changes === 0) return false;
		recordAudit(tx, {
			actorId,
			entity: 'organisation',
			entityId: id,
			action: archived ? 'archived' : 'restored'
		});
		return true;
	});
}

/** Deletes an organisation nothing refers to (one created by mistake); otherwise refuses. */
export function deleteOrganisation(
	db: DB,
	actorId: number,
	id: number
): 'ok' | 'not_found' | 'in_use' {
	const org = getOrganisation(db, id);
	if (!org) return 'not_found';
	const usage = organisationUsage(db, id);
	if (usage.visits || usage.members || usage.invitations) return 'in_use';
	db.transaction((tx) => {
		tx.delete(organisations).where(eq(organisations.id, id)).run();
		recordAudit(tx, {
			actorId,
			entity: 'organisation',
			entityId: id,
			action: 'deleted',
			changes: { name: org.name }
		});
	});
	return 'ok';
}

export function createTheme(db: DB, actorId: number, input: ThemeInput): boolean {
	if (db.select({ id: themes.id }).from(themes).where(eq(themes.slug, input.slug)).get())
		return false;
	db.transaction((tx) => {
		const { id } = tx.insert(themes).values(input).returning({ id: themes.id }).get();
		recordAudit(tx, { actorId, entity: 'theme', entityId: id, action: 'created', changes: input });
	});
	return true;
}

/** Renames a theme; its slug stays, since links and filters use it. */
export function updateTheme(db: DB, actorId: number, id: number, names: Omit<ThemeInput, 'slug'>) {
	return db.transaction((tx) => {
		const done = tx.update(themes).set(names).where(eq(themes.id, id)).run();
		if (done.changes === 0) return false;
		recordAudit(tx, { actorId, entity: 'theme', entityId: id, action: 'updated', changes: names });
		return true;
	});
}
