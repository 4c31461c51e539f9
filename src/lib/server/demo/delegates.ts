// The demo delegations. Names and functions come from the domain texts (shared/domain/); the texts
// give no times, so arrivals and departures are set on the visit's first and last days. Nobody
// is given details the texts do not have: e-mails are example.org addresses.
import { addDays, format } from 'date-fns';
import type { AccommodationStatus, TravelStatus, VisaStatus } from '../../enums';

export type DemoDelegate = {
	/** The start of the demo visit's title. */
	visit: string;
	organisation: string;
	name: string;
	function: string;
	email?: string;
	/** The demo account of the same person, by e-mail. */
	account?: string;
	arrivesAt?: string;
	departsAt?: string;
	travel: TravelStatus;
	visa?: VisaStatus;
	accommodation: AccommodationStatus;
};

const KEOOGO_TO_DT = 'Observer les classes préscolaires';
const RACINES_TO_MAEECHA = 'Promotion de la lecture plaisir';
const RACINES_TO_DT = 'Découvrir la pédagogie préscolaire';

const at = (date: Date, time: string) => `${format(date, 'yyyy-MM-dd')}T${time}`;

export function demoDelegates(now: Date): DemoDelegate[] {
	// KEOOGO travelled from Ouagadougou to Bobo-Dioulasso; the host team was at home.
	const keoogo = (name: string, fn: string, email: string, account?: string): DemoDelegate => ({
		visit: KEOOGO_TO_DT,
		organisation: 'KEOOGO',
		name,
		function: fn,
		email,
		account,
		arrivesAt: '2024-05-05T12:00',
		departsAt: '2024-05-10T14:00',
		travel: 'booked',
		accommodation: 'booked'
	});
	const host = (name: string, fn: string, email: string): DemoDelegate => ({
		visit: KEOOGO_TO_DT,
		organisation: 'DT',
		name,
		function: fn,
		email,
		travel: 'not_needed',
		accommodation: 'not_needed'
	});
	const racines = (name: string, fn: string, email: string, account?: string): DemoDelegate => ({
		visit: RACINES_TO_MAEECHA,
		organisation: 'RACINES',
		name,
		function: fn,
		email,
		account,
		arrivesAt: '2023-11-13T08:00',
		departsAt: '2023-11-17T18:00',
		travel: 'booked',
		accommodation: 'booked'
	});
	const maeecha = (name: string, email: string): DemoDelegate => ({
		visit: RACINES_TO_MAEECHA,
		organisation: 'MAEECHA',
		name,
		function: "Équipe d'accueil",
		email,
		travel: 'not_needed',
		accommodation: 'not_needed'
	});
	const proposalStart = addDays(now, 60);
	return [
		keoogo(
			'Safiatou Congo',
			"Responsable pédagogique, superviseure de l'école maternelle",
			'safiatou.congo@keoogo.example.org'
		),
		keoogo('Awa', 'Monitrice', 'member@keoogo.example.org', 'member@keoogo.example.org'),
		keoogo('Natacha', 'Monitrice', 'natacha@keoogo.example.org'),
		host(
			'Djénéba Konaté',
			'Directrice du Dispensaire Trottoir',
			'djeneba.konate@dispensaire-trottoir.example.org'
		),
		host('Agathe', 'Monitrice du préscolaire', 'agathe@dispensaire-trottoir.example.org'),
		racines(
			'Tobias Gbaguidi',
			"Responsable de l'unité programme",
			'tobias.gbaguidi@racines.example.org',
			'coordinator@racines.example.org'
		),
		racines(
			'Vital Amoussou',
			'Assistant éducation fondamentale et alternatives éducatives',
			'vital.amoussou@racines.example.org'
		),
		// The Comorian hosts, named in the canteens workshop text; they filled the sheet too.
		maeecha('Youssouf Dainane', 'youssouf.dainane@maeecha.example.org'),
		maeecha('Nasser Assoumani', 'nasser.assoumani@maeecha.example.org'),
		// The pending proposal is still being organised: the checklist has something to show.
		{
			visit: RACINES_TO_DT,
			organisation: 'RACINES',
			name: 'Tobias Gbaguidi',
			function: "Responsable de l'unité programme",
			email: 'tobias.gbaguidi@racines.example.org',
			arrivesAt: at(proposalStart, '09:00'),
			travel: 'booked',
			accommodation: 'to_arrange'
		},
		{
			visit: RACINES_TO_DT,
			organisation: 'RACINES',
			name: 'Monitrice (à désigner)',
			function: 'Monitrice du préscolaire',
			travel: 'to_book',
			accommodation: 'to_arrange'
		}
	];
}
