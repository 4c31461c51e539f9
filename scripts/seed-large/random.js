// Deterministic randomness for the large synthetic network: the same scale gives the same
// database, so benchmark runs compare like with like.

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p
	};
}

/**
 * Picks indexes with a Zipf-like skew: a few organisations are very active, most rarely are.
 * Sampling is a binary search in the cumulative weights.
 */
export function skewed(count, random, exponent = 1.1) {
	const cumulative = new Float64Array(count);
	let sum = 0;
	for (let i = 0; i < count; i++) {
		sum += 1 / Math.pow(i + 1, exponent);
		cumulative[i] = sum;
	}
	return () => {
		const x = random.next() * sum;
		let lo = 0;
		let hi = count - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

// Words in the network's languages, so full-text search has real, mixed-language work.
const WORDS = {
	fr: 'enfants école maternelle monitrices classe lecture bibliothèque cantine scolaire réunion famille protection formation curricula tutelle évaluation suivi atelier pédagogie parents quartier rue accompagnement réinsertion santé nutrition jeux chant dessin écriture calcul éveil inscription abandon',
	en: 'children school nursery monitors class reading library canteen meeting family protection training curriculum authority evaluation follow-up workshop teaching parents community street support reintegration health nutrition games singing drawing writing numeracy enrolment dropout',
	es: 'niños escuela preescolar monitoras clase lectura biblioteca comedor reunión familia protección formación currículo autoridad evaluación seguimiento taller pedagogía padres barrio calle acompañamiento reinserción salud nutrición juegos canto dibujo escritura',
	ar: 'الأطفال المدرسة الروضة المربيات القسم القراءة المكتبة المقصف الاجتماع الأسرة الحماية التدريب المناهج السلطة التقييم المتابعة الورشة التربية الآباء الحي الشارع المرافقة الإدماج الصحة التغذية الألعاب'
};
const VOCABULARY = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, v.split(' ')]));
export const TEXT_LOCALES = Object.keys(VOCABULARY);

/** A sentence of `n` words in one language. */
export function sentence(random, n, locale = random.pick(TEXT_LOCALES)) {
	const words = VOCABULARY[locale];
	const out = [];
	for (let i = 0; i < n; i++) out.push(words[Math.floor(random.next() * words.length)]);
	out[0] = out[0].charAt(0).toUpperCase() + out[0].slice(1);
	return out.join(' ');
}

/** YYYY-MM-DD of a Date, in UTC (calendar dates only). */
export const isoDay = (d) => d.toISOString().slice(0, 10);
export const addDays = (day, n) =>
	isoDay(new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000));
