import { text } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';

/** For uptime checks and load balancers: answers once the database answers. */
export const GET: RequestHandler = () => {
	getDb().get(sql`select 1`);
	return text('ok', { headers: { 'cache-control': 'no-store' } });
};
