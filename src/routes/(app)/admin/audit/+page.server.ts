import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { authorize } from '$lib/server/http/guards';
import { auditFacets, listAudit } from '$lib/server/audit/log';
import { listPeople } from '$lib/server/accounts/users';
import { positiveId } from '$lib/schemas/common';

const day = (v: string | null) =>
	v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v)) ? v : undefined;
const word = (v: string | null) => (v && /^[a-z_]{1,40}$/.test(v) ? v : undefined);

export const load: PageServerLoad = (event) => {
	authorize(event, 'audit.read');
	const q = event.url.searchParams;
	const db = getDb();
	const filter = {
		entity: word(q.get('entity')),
		entityId: q.get('entityId')?.match(/^\d{1,16}$/)?.[0],
		actorId: positiveId(q.get('actor')) ?? undefined,
		action: word(q.get('action')),
		from: day(q.get('from')),
		to: day(q.get('to')),
		page: positiveId(q.get('page')) ?? 1
	};
	return {
		filter,
		result: listAudit(db, filter),
		facets: auditFacets(db),
		people: listPeople(db).map((p) => ({ value: p.id, label: p.name }))
	};
};
