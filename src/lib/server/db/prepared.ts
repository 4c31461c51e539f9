/**
 * A query built and prepared once per database, for the few that run on every request (session,
 * memberships, unread count): building the SQL and preparing it again each time was most of
 * what the app added to a bare SvelteKit page (profiled with `node --cpu-prof`).
 */
export function preparedOnce<D extends object, P>(build: (db: D) => P): (db: D) => P {
	const cache = new WeakMap<D, P>();
	return (db) => {
		let prepared = cache.get(db);
		if (!prepared) {
			prepared = build(db);
			cache.set(db, prepared);
		}
		return prepared;
	};
}
