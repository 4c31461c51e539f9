import { asc, eq, inArray } from 'drizzle-orm';
import type { DB } from './db';
import { organisationThemes, organisations, themes } from './db/schema';

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
	return orgs.map((org) => ({
		...org,
		themes: links.filter((l) => l.organisationId === org.id).map((l) => l.theme)
	}));
}
