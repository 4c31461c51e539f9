import type { ParamMatcher } from '@sveltejs/kit';

/** A positive database id that fits in SQLite's integer, so /visits/abc or /visits/1e99 is a 404. */
export const match: ParamMatcher = (param) => /^[1-9][0-9]{0,14}$/.test(param);
