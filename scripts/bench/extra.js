// Measurements made inside a process rather than over HTTP (lesson search). They need the
// lessons module; until it exists there is nothing to measure and nothing is reported.
export async function extraMeasures() {
	return { lessonSearch: null };
}
