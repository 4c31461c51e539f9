import type { ParamMatcher } from '@sveltejs/kit';

/** The formats a list exports to: /actions.csv and /actions.xlsx are one route. */
export const match: ParamMatcher = (param) => param === 'csv' || param === 'xlsx';
