import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import type { DB } from './index';

/**
 * The generated SQL in drizzle/ is read at run time (not bundled), so the production server and
 * the tests apply exactly the migrations that are committed.
 */
export function migrationsFolder() {
	return resolve(process.env.MIGRATIONS_PATH ?? 'drizzle');
}

export function migrate(db: DB) {
	drizzleMigrate(db, { migrationsFolder: migrationsFolder() });
}
