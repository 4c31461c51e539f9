// The demo programmes, drawn from the domain texts (shared/domain/). The texts give the shape of
// each visit, not its timetable: hours are plausible, names are those the texts give. Times are
// wall-clock in each visit's own zone, as every programme is.
import type { AgendaKind } from '../../enums';

export type DemoSession = {
	/** The start of the demo visit's title. */
	visit: string;
	day: string;
	startsAt: string;
	endsAt: string;
	kind: AgendaKind;
	title: string;
	place?: string;
	/** Key of the leading organisation (see data.ts). */
	lead?: string;
	leadName?: string;
	notes?: string;
};

type Row = [
	day: string,
	startsAt: string,
	endsAt: string,
	kind: AgendaKind,
	title: string,
	place?: string,
	lead?: string,
	leadName?: string,
	notes?: string
];

const sessions = (visit: string, rows: Row[]): DemoSession[] =>
	rows.map(([day, startsAt, endsAt, kind, title, place, lead, leadName, notes]) => ({
		visit,
		day,
		startsAt,
		endsAt,
		kind,
		title,
		place,
		lead,
		leadName,
		notes
	}));

const DT = 'Dispensaire Trottoir';
const DT_SCHOOL = 'Classes préscolaires du Dispensaire Trottoir';

// KEOOGO in Bobo-Dioulasso, 5–10 May 2024: the monitors observe in pairs, then debrief.
// prettier-ignore
const KEOOGO_TO_DT = sessions('Observer les classes préscolaires', [
	['2024-05-05', '07:00', '12:00', 'travel', 'Voyage Ouagadougou → Bobo-Dioulasso', 'Car de ligne', 'KEOOGO'],
	['2024-05-05', '12:30', '14:30', 'meal', 'Arrivée, installation et déjeuner', 'Hébergement de la délégation'],
	['2024-05-05', '16:00', '18:00', 'meeting', "Réunion d'accueil : présentation des équipes et du programme", DT, 'DT', 'Djénéba Konaté'],
	['2024-05-06', '07:30', '10:00', 'observation', 'Observation des classes de petite section (en binômes)', DT_SCHOOL, 'DT', 'Agathe'],
	['2024-05-06', '10:15', '11:30', 'debrief', 'Débriefing à chaud des binômes', DT, 'DT'],
	['2024-05-06', '12:00', '13:30', 'meal', 'Déjeuner avec l’équipe du Dispensaire Trottoir', DT],
	['2024-05-06', '15:00', '17:00', 'meeting', 'KEOOGO présente la mobilisation des partenaires financiers de son école maternelle', DT, 'KEOOGO', 'Safiatou Congo'],
	['2024-05-07', '07:30', '10:00', 'observation', 'Observation des classes à grand effectif : gestion de classe', DT_SCHOOL, 'DT', 'Agathe'],
	['2024-05-07', '10:15', '11:30', 'observation', 'Le travail des aides-monitrices auprès de la petite section', DT_SCHOOL, 'DT'],
	['2024-05-07', '12:00', '13:30', 'meal', 'Déjeuner', DT],
	['2024-05-07', '15:00', '16:30', 'debrief', 'Débriefing : adapter le matériel pédagogique aux enfants', DT, 'DT'],
	['2024-05-08', '08:00', '11:30', 'site_visit', "Visite de l'école maternelle et de ses sorties pédagogiques", 'École maternelle, Bobo-Dioulasso', 'DT'],
	['2024-05-08', '12:00', '13:30', 'meal', 'Déjeuner', DT],
	['2024-05-08', '15:00', '16:30', 'meeting', 'Le jardin agro-écologique de KEOOGO et les goûters des enfants', DT, 'KEOOGO', 'Safiatou Congo'],
	['2024-05-08', '17:00', '19:00', 'free_time', 'Temps libre', 'Bobo-Dioulasso'],
	['2024-05-09', '08:00', '10:30', 'workshop', "Atelier : fiches d'activités et fiche de suivi de l'élève", DT, 'DT', 'Agathe', 'Documents partagés pour appropriation avant la rentrée d’octobre 2024.'],
	['2024-05-09', '11:00', '12:30', 'workshop', 'Atelier : curricula et lien avec la CEB (section préscolaire)', DT, 'DT'],
	['2024-05-09', '12:30', '14:00', 'meal', 'Déjeuner', DT],
	['2024-05-09', '15:00', '16:30', 'workshop', "Outil de suivi des sorties pédagogiques", DT, 'PARTAGE'],
	['2024-05-10', '08:00', '10:30', 'debrief', 'Débriefing final : leçons apprises et actions de suivi', DT, 'PARTAGE'],
	['2024-05-10', '11:00', '12:30', 'meal', 'Déjeuner de clôture', DT],
	['2024-05-10', '14:00', '19:00', 'travel', 'Voyage retour Bobo-Dioulasso → Ouagadougou', 'Car de ligne', 'KEOOGO']
]);

// RACINES in Nyumakele, November 2023: the mobile library and the Reading and Leisure Centres.
// prettier-ignore
const RACINES_TO_MAEECHA = sessions('Promotion de la lecture plaisir', [
	['2023-11-13', '09:00', '11:00', 'meeting', 'Accueil et présentation du programme', 'Bureau de MAEECHA', 'MAEECHA'],
	['2023-11-14', '08:30', '12:00', 'site_visit', 'Tournée de la bibliothèque mobile', 'Villages de Nyumakele', 'MAEECHA'],
	['2023-11-15', '08:30', '12:00', 'observation', 'Activités de lecture plaisir dans un C2L', 'Centre de lecture et de loisirs', 'MAEECHA'],
	['2023-11-16', '09:00', '12:00', 'workshop', 'Documenter et outiller chaque étape d’une activité de lecture', 'Bureau de MAEECHA', 'RACINES', 'Tobias Gbaguidi'],
	['2023-11-17', '09:00', '11:00', 'debrief', "Débriefing et fiche d'évaluation de la visite", 'Bureau de MAEECHA', 'PARTAGE']
]);

// Tangiers, 28 Oct – 2 Nov 2024: plenaries, workshops in parallel tracks (on purpose), the visit
// to the « 100 % Mamans » scheme. Rooms are named, not numbered, so the tracks read on paper.
const HOTEL = 'Hôtel, Tanger';
// prettier-ignore
const TANGIERS = sessions('Communauté de pratiques', [
	['2024-10-28', '09:00', '16:00', 'travel', 'Arrivée des participants', 'Aéroport de Tanger'],
	['2024-10-28', '17:00', '18:30', 'meeting', "Plénière d'ouverture : accompagner autrement les familles", 'Salle plénière', 'PARTAGE'],
	['2024-10-28', '19:30', '21:30', 'meal', "Dîner d'accueil", HOTEL, 'ATF'],
	['2024-10-29', '09:00', '10:30', 'meeting', 'Plénière : réussites et difficultés du travail avec les familles', 'Salle plénière', 'PARTAGE'],
	['2024-10-29', '11:00', '12:30', 'workshop', 'Atelier A : prévenir les ruptures familiales', 'Salle Atlas'],
	['2024-10-29', '11:00', '12:30', 'workshop', 'Atelier B : renouer les liens et réunifier', 'Salle Rif'],
	['2024-10-29', '11:00', '12:30', 'workshop', 'Atelier C : le cadre juridique de la réunification', 'Salle Détroit'],
	['2024-10-29', '14:30', '16:30', 'workshop', 'Ateliers A, B, C (suite) : questionner nos pratiques', 'Salles Atlas, Rif, Détroit'],
	['2024-10-29', '17:00', '18:00', 'debrief', 'Restitution des ateliers en plénière', 'Salle plénière', 'PARTAGE'],
	['2024-10-30', '08:30', '13:00', 'site_visit', 'Visite du dispositif « 100 % Mamans »', 'Tanger', 'ATF'],
	['2024-10-30', '13:00', '14:30', 'meal', 'Déjeuner avec l’équipe de « 100 % Mamans »', 'Tanger', 'ATF'],
	['2024-10-30', '15:30', '17:00', 'debrief', 'Débriefing de la visite : ce que nous retenons', 'Salle plénière', 'PARTAGE'],
	['2024-10-31', '09:00', '10:30', 'meeting', "Remise de l'outil issu de la rencontre de Brazzaville 2023", 'Salle plénière', 'PARTAGE'],
	['2024-10-31', '11:00', '12:30', 'workshop', "Atelier D : s'approprier l'outil dans son organisation", 'Salle Atlas'],
	['2024-10-31', '11:00', '12:30', 'workshop', 'Atelier E : créer un outil de suivi des familles', 'Salle Rif'],
	['2024-10-31', '14:30', '16:00', 'workshop', 'Ateliers D, E (suite) : mise en commun des outils', 'Salles Atlas, Rif'],
	['2024-10-31', '16:30', '19:00', 'free_time', 'Temps libre dans la médina', 'Tanger'],
	['2024-11-01', '09:00', '10:30', 'workshop', 'Atelier F : la parole des enfants et des parents', 'Salle Atlas'],
	['2024-11-01', '09:00', '10:30', 'workshop', 'Atelier G : travailler avec les autorités et les services sociaux', 'Salle Rif'],
	['2024-11-01', '11:00', '12:30', 'meeting', 'Plénière : synthèse des nouveaux outils', 'Salle plénière', 'PARTAGE'],
	['2024-11-01', '14:30', '16:00', 'debrief', "Fiche d'évaluation et bilan de la semaine", 'Salle plénière', 'PARTAGE'],
	['2024-11-01', '19:30', '22:00', 'meal', 'Dîner de clôture', HOTEL, 'ATF'],
	['2024-11-02', '09:00', '10:30', 'debrief', 'Débriefing final : diffuser les outils dans nos organisations', 'Salle plénière', 'PARTAGE'],
	['2024-11-02', '11:00', '18:00', 'travel', 'Départs des participants', 'Aéroport de Tanger']
]);

export const DEMO_AGENDA: DemoSession[] = [...KEOOGO_TO_DT, ...RACINES_TO_MAEECHA, ...TANGIERS];
