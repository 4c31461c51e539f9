import { openDatabase, type DB } from './index';

/** A fresh in-memory database with every committed migration applied, for unit tests. */
export function createTestDb(): DB {
	return openDatabase(':memory:');
}
