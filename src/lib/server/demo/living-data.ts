// The demo visits that live on the day the demo database is created (living.ts writes them): one
// under way, three ahead (accepted, confirmed), one just over with its evaluation going on. Days
// are offsets from "today" where each visit takes place; times are wall-clock in its zone. The
// organisations and their practices are those of the domain texts (shared/domain/); the people
// not named there get first names only, and e-mails at example.org.
import type {
	AccommodationStatus,
	AgendaKind,
	TravelStatus,
	VisaStatus,
	VisitKind
} from '../../enums';

/** How far along its lifecycle living.ts takes the visit. */
export type LivingStage = 'accepted' | 'confirmed' | 'completed';

/** [day of the visit from 0, starts, ends, kind, title, place?, lead organisation key?] */
type Row = [number, string, string, AgendaKind, string, string?, string?];

export type LivingDelegate = {
	organisation: string;
	name: string;
	function: string;
	email?: string;
	/** The demo account of the same person, by e-mail. */
	account?: string;
	/** [day of the visit from 0, time]; absent: not known yet. */
	arrives?: [number, string];
	departs?: [number, string];
	travel: TravelStatus;
	visa: VisaStatus;
	accommodation: AccommodationStatus;
};

export type LivingSheet = {
	delegate: string;
	/** Days after the evaluation opened that it was saved (under one: before today). */
	savedAfter: number;
	submitted: boolean;
	/** By question code of the default template, as the form sends them. */
	answers: Record<string, string>;
};

export type LivingVisit = {
	title: string;
	kind: VisitKind;
	objectives: string;
	/** Who proposes it: a coordinator's e-mail (their organisation proposes), or staff's. */
	by: string;
	host: string;
	visitors: string[];
	/** First and last day, in days from today where it takes place. */
	from: number;
	to: number;
	timeZone: string;
	place: string;
	languages: string[];
	expectedSize: number;
	themes: string[];
	stage: LivingStage;
	/** Proposed this many days before today: its history is dated from then (living.ts). */
	proposedDaysAgo: number;
	sessions: Row[];
	delegates: LivingDelegate[];
	/**
	 * Opened this many days after the last day (the automatic reminders, 3 and 7 days after the
	 * links, are still to come on the first start); the sheets answered so far.
	 */
	evaluation?: { openedAfter: number; sheets: LivingSheet[] };
};

const STAFF = 'staff@partage.example.org';
const KEOOGO_SCHOOL = 'École maternelle de KEOOGO, Ouagadougou';
const KEOOGO_OFFICE = 'Locaux de KEOOGO, Ouagadougou';
const DT = 'Dispensaire Trottoir, Bobo-Dioulasso';
const DASSA = 'Bureau de RACINES, Dassa-Zoumé';

const host = (organisation: string, name: string, fn: string, email?: string, account?: string) =>
	({
		organisation,
		name,
		function: fn,
		email,
		account,
		travel: 'not_needed',
		visa: 'not_needed',
		accommodation: 'not_needed'
	}) satisfies LivingDelegate;

export const LIVING_VISITS: LivingVisit[] = [
	{
		// Under way today: Voice of Children learns from KEOOGO's street outreach.
		title: 'Maraudes de jour et de nuit avec les pairs éducateurs de KEOOGO',
		kind: 'exchange',
		objectives:
			"Accompagner les maraudes de jour et de nuit de KEOOGO et leurs pairs éducateurs, anciens jeunes de la rue ; présenter en retour la boîte à messages confidentielle des centres d'accueil de Voice of Children.",
		by: STAFF,
		host: 'KEOOGO',
		visitors: ['VOC'],
		from: -1,
		to: 2,
		timeZone: 'Africa/Ouagadougou',
		place: 'Ouagadougou, Burkina Faso',
		languages: ['fr', 'en'],
		expectedSize: 4,
		themes: ['street-children', 'child-protection'],
		stage: 'confirmed',
		proposedDaysAgo: 50,
		// prettier-ignore
		sessions: [
			[0, '10:00', '12:00', 'travel', "Arrivée de la délégation à l'aéroport de Ouagadougou", 'Aéroport de Ouagadougou', 'KEOOGO'],
			[0, '15:00', '17:00', 'meeting', "Réunion d'accueil : les équipes et le programme", KEOOGO_OFFICE, 'KEOOGO'],
			[1, '08:00', '11:30', 'observation', 'Maraude de jour avec les pairs éducateurs', 'Centre-ville de Ouagadougou', 'KEOOGO'],
			[1, '12:00', '13:30', 'meal', "Déjeuner avec l'équipe de KEOOGO", KEOOGO_OFFICE],
			[1, '15:00', '16:30', 'workshop', 'Devenir pair éducateur : le parcours des jeunes réinsérés', KEOOGO_OFFICE, 'KEOOGO'],
			[1, '20:00', '22:30', 'observation', 'Maraude de nuit', 'Gare routière de Ouagadougou', 'KEOOGO'],
			[2, '09:00', '11:00', 'workshop', 'La boîte à messages confidentielle de Voice of Children', KEOOGO_OFFICE, 'VOC'],
			[2, '14:00', '16:00', 'debrief', 'Débriefing : ce que chacun retient', KEOOGO_OFFICE, 'KEOOGO'],
			[3, '09:00', '10:30', 'debrief', 'Bilan et actions de suivi', KEOOGO_OFFICE, 'KEOOGO'],
			[3, '14:00', '18:00', 'travel', 'Départ de la délégation', 'Aéroport de Ouagadougou']
		],
		delegates: [
			{
				organisation: 'VOC',
				name: 'Sunita',
				function: "Éducatrice en centre d'accueil",
				email: 'sunita@voc.example.org',
				arrives: [0, '10:00'],
				departs: [3, '18:00'],
				travel: 'booked',
				visa: 'obtained',
				accommodation: 'booked'
			},
			{
				organisation: 'VOC',
				name: 'Ramesh',
				function: 'Responsable de la protection de l’enfant',
				email: 'ramesh@voc.example.org',
				arrives: [0, '10:00'],
				departs: [3, '18:00'],
				travel: 'booked',
				visa: 'obtained',
				accommodation: 'booked'
			},
			host('KEOOGO', 'Awa', 'Monitrice', 'member@keoogo.example.org', 'member@keoogo.example.org')
		]
	},
	{
		// Three weeks ahead, confirmed: KEOOGO shows Dispensaire Trottoir what it offered in May 2024.
		title: "Le jardin agro-écologique et le financement de l'école maternelle de KEOOGO",
		kind: 'exchange',
		objectives:
			'Découvrir comment KEOOGO mobilise plusieurs partenaires pour financer son école maternelle, et comment son jardin agro-écologique fournit les goûters des enfants.',
		by: 'coordinator@dispensaire-trottoir.example.org',
		host: 'KEOOGO',
		visitors: ['DT'],
		from: 21,
		to: 23,
		timeZone: 'Africa/Ouagadougou',
		place: 'Ouagadougou, Burkina Faso',
		languages: ['fr'],
		expectedSize: 3,
		themes: ['preschool-education', 'school-canteens'],
		stage: 'confirmed',
		proposedDaysAgo: 30,
		// prettier-ignore
		sessions: [
			[0, '07:00', '12:00', 'travel', 'Voyage Bobo-Dioulasso → Ouagadougou', 'Car de ligne', 'DT'],
			[0, '15:00', '17:00', 'meeting', "Réunion d'accueil et présentation de l'école maternelle", KEOOGO_SCHOOL, 'KEOOGO'],
			[1, '08:00', '10:30', 'site_visit', 'Visite du jardin agro-écologique', KEOOGO_SCHOOL, 'KEOOGO'],
			[1, '10:30', '11:30', 'observation', 'Le goûter des enfants', KEOOGO_SCHOOL, 'KEOOGO'],
			[1, '12:00', '13:30', 'meal', 'Déjeuner', KEOOGO_SCHOOL],
			[1, '15:00', '17:00', 'workshop', 'Mobiliser plusieurs partenaires financiers', KEOOGO_OFFICE, 'KEOOGO'],
			[2, '08:30', '10:30', 'debrief', 'Débriefing et actions de suivi', KEOOGO_OFFICE, 'DT'],
			[2, '13:00', '18:00', 'travel', 'Voyage retour Ouagadougou → Bobo-Dioulasso', 'Car de ligne', 'DT']
		],
		delegates: [
			{
				organisation: 'DT',
				name: 'Djénéba Konaté',
				function: 'Directrice du Dispensaire Trottoir',
				email: 'djeneba.konate@dispensaire-trottoir.example.org',
				arrives: [0, '12:00'],
				departs: [2, '13:00'],
				travel: 'booked',
				visa: 'not_needed',
				accommodation: 'booked'
			},
			{
				organisation: 'DT',
				name: 'Agathe',
				function: 'Monitrice du préscolaire',
				email: 'agathe@dispensaire-trottoir.example.org',
				travel: 'to_book',
				visa: 'not_needed',
				accommodation: 'to_arrange'
			}
		]
	},
	{
		// Six weeks ahead, accepted, the programme started: AHEED comes for RACINES's canteens.
		title: 'Cantines scolaires et lecture dans les écoles des Collines',
		kind: 'exchange',
		objectives:
			"Voir comment RACINES associe les communautés aux cantines scolaires et à l'appui à la lecture dans les écoles publiques des Collines.",
		by: STAFF,
		host: 'RACINES',
		visitors: ['AHEED'],
		from: 40,
		to: 43,
		timeZone: 'Africa/Porto-Novo',
		place: 'Dassa-Zoumé, Bénin',
		languages: ['fr', 'en'],
		expectedSize: 2,
		themes: ['school-canteens', 'reading-promotion'],
		stage: 'accepted',
		proposedDaysAgo: 12,
		// prettier-ignore
		sessions: [
			[0, '14:00', '16:00', 'meeting', "Accueil et présentation du programme d'appui à la lecture", DASSA, 'RACINES'],
			[1, '08:00', '12:00', 'site_visit', "La cantine d'une école publique des Collines", 'École publique, Dassa-Zoumé', 'RACINES']
		],
		delegates: [
			{
				organisation: 'AHEED',
				name: 'Mona',
				function: 'Chargée des cantines scolaires',
				email: 'mona@aheed.example.org',
				travel: 'to_book',
				visa: 'pending',
				accommodation: 'to_arrange'
			}
		]
	},
	{
		// Over a few days ago: the regional workshop, its evaluation half answered.
		title: "Atelier régional : le suivi des élèves et les fiches d'activités du préscolaire",
		kind: 'meeting',
		objectives:
			"Partager les fiches d'activités et le carnet de suivi de l'élève du Dispensaire Trottoir, et voir comment chaque organisation peut se les approprier.",
		by: STAFF,
		host: 'DT',
		visitors: ['KEOOGO', 'RACINES'],
		from: -5,
		to: -3,
		timeZone: 'Africa/Ouagadougou',
		place: 'Bobo-Dioulasso, Burkina Faso',
		languages: ['fr'],
		expectedSize: 5,
		themes: ['preschool-education', 'pedagogical-supervision'],
		stage: 'completed',
		proposedDaysAgo: 70,
		// prettier-ignore
		sessions: [
			[0, '09:00', '10:30', 'meeting', "Ouverture : le suivi des élèves dans nos organisations", DT, 'DT'],
			[0, '11:00', '12:30', 'workshop', "Les fiches d'activités du Dispensaire Trottoir", DT, 'DT'],
			[0, '14:30', '16:30', 'observation', 'Une matinée de classe, racontée par les monitrices', DT, 'DT'],
			[1, '08:30', '11:30', 'observation', 'Observation en classe préscolaire', 'Classes préscolaires du Dispensaire Trottoir', 'DT'],
			[1, '14:30', '16:30', 'workshop', "Adapter le carnet de suivi de l'élève", DT, 'KEOOGO'],
			[2, '09:00', '11:00', 'debrief', 'Bilan et fiche d’évaluation', DT, 'DT']
		],
		delegates: [
			host(
				'DT',
				'Issa Traoré',
				'Coordinateur',
				undefined,
				'coordinator@dispensaire-trottoir.example.org'
			),
			host('DT', 'Agathe', 'Monitrice du préscolaire', 'agathe@dispensaire-trottoir.example.org'),
			{
				organisation: 'KEOOGO',
				name: 'Aminata Ouédraogo',
				function: 'Coordinatrice',
				account: 'coordinator@keoogo.example.org',
				arrives: [0, '08:00'],
				departs: [2, '14:00'],
				travel: 'booked',
				visa: 'not_needed',
				accommodation: 'booked'
			},
			{
				organisation: 'KEOOGO',
				name: 'Awa',
				function: 'Monitrice',
				email: 'member@keoogo.example.org',
				account: 'member@keoogo.example.org',
				arrives: [0, '08:00'],
				departs: [2, '14:00'],
				travel: 'booked',
				visa: 'not_needed',
				accommodation: 'booked'
			},
			{
				organisation: 'RACINES',
				name: 'Tobias Gbaguidi',
				function: "Responsable de l'unité programme",
				email: 'tobias.gbaguidi@racines.example.org',
				account: 'coordinator@racines.example.org',
				arrives: [-1, '18:00'],
				departs: [2, '15:00'],
				travel: 'booked',
				visa: 'not_needed',
				accommodation: 'booked'
			}
		],
		evaluation: {
			openedAfter: 1,
			sheets: [
				{
					delegate: 'Issa Traoré',
					savedAfter: 0.2,
					submitted: true,
					answers: {
						objectives: '4',
						useful_activity:
							"L'atelier sur le carnet de suivi : chaque organisation est repartie avec sa version.",
						follow_up: '1',
						overall: '4'
					}
				},
				{
					delegate: 'Agathe',
					savedAfter: 0.5,
					submitted: true,
					answers: {
						objectives: '5',
						practices: "Échanger nos fiches d'activités avec KEOOGO chaque trimestre.",
						follow_up: '1',
						overall: '5'
					}
				},
				{
					delegate: 'Awa',
					savedAfter: 0.9,
					submitted: false,
					answers: { objectives: '4', useful_activity: "L'observation en classe" }
				}
			]
		}
	}
];
