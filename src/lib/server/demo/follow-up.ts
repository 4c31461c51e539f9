// Lessons and follow-up actions of the demo visits, from the domain texts (partner news of
// 6 June 2024 for KEOOGO → Dispensaire Trottoir, of 22 April 2024 for RACINES → MAEECHA).
import type { ActionStatus, LessonVisibility } from '../../enums';

export type DemoLesson = {
	/** Start of the visit's title. */
	visit: string;
	organisation: string;
	title: string;
	observed: string;
	adaptation: string;
	visibility: LessonVisibility;
	themes: string[];
};

export type DemoAction = {
	visit: string;
	/** Title of the lesson it came from. */
	lesson: string;
	title: string;
	details: string;
	owner: string;
	ownerAccount?: string;
	dueOn: string;
	status: ActionStatus;
	/** Progress notes, oldest first: [date, note, new status?]. */
	updates: [string, string, ActionStatus?][];
};

const DT_VISIT = 'Observer les classes préscolaires';
const MAEECHA_VISIT = 'Promotion de la lecture plaisir';

export const DEMO_LESSONS: DemoLesson[] = [
	{
		visit: DT_VISIT,
		organisation: 'KEOOGO',
		title: 'Des moniteurs assistants pour les classes nombreuses',
		observed:
			'Au Dispensaire Trottoir, chaque moniteur de petite section est accompagné d’un moniteur assistant (l’équivalent d’une ATSEM en France) quand les effectifs sont élevés.',
		adaptation:
			'KEOOGO accueille 111 enfants répartis en trois classes : étudier la possibilité d’obtenir des moniteurs assistants, en priorité pour la petite section.',
		visibility: 'network',
		themes: ['preschool-education']
	},
	{
		visit: DT_VISIT,
		organisation: 'KEOOGO',
		title: 'Renforcer les compétences des moniteurs sur les nouveaux curricula',
		observed:
			'Les programmes scolaires du préscolaire ont récemment changé au Burkina Faso ; l’équipe du Dispensaire Trottoir les maîtrise déjà.',
		adaptation:
			'Former nos moniteurs aux nouveaux curricula et nous approprier les fiches d’activités partagées par le Dispensaire Trottoir.',
		visibility: 'network',
		themes: ['preschool-education']
	},
	{
		visit: DT_VISIT,
		organisation: 'KEOOGO',
		title: 'Des liens étroits avec les autorités de tutelle',
		observed:
			'Le Dispensaire Trottoir entretient une relation suivie avec la circonscription d’éducation de base (section préscolaire) dont il relève.',
		adaptation:
			'Prendre contact avec la circonscription pour bénéficier des formations et être mieux connus et reconnus.',
		visibility: 'network',
		themes: ['preschool-education']
	},
	{
		visit: MAEECHA_VISIT,
		organisation: 'RACINES',
		title: 'Impliquer les jeunes dans les activités de lecture',
		observed:
			'Dans les C2L de MAEECHA, des jeunes du village animent les séances de lecture et la bibliothèque mobile.',
		adaptation:
			'Associer des jeunes animateurs aux activités de lecture dans le département des Collines.',
		visibility: 'network',
		themes: ['reading-promotion']
	},
	{
		visit: MAEECHA_VISIT,
		organisation: 'RACINES',
		title: 'Mobiliser davantage d’outils pour attirer les enfants',
		observed: 'Jeux, contes et supports variés attirent les enfants vers la lecture plaisir.',
		adaptation: 'Enrichir nos malles de lecture de jeux et de supports variés.',
		visibility: 'network',
		themes: ['reading-promotion']
	},
	{
		visit: MAEECHA_VISIT,
		organisation: 'RACINES',
		title: 'Documenter et outiller chaque étape d’une activité de lecture',
		observed:
			'Chaque étape d’une activité est décrite et outillée, ce qui facilite l’appropriation sur le terrain.',
		adaptation: 'Rédiger des fiches pour chaque étape de nos activités de lecture.',
		visibility: 'participants',
		themes: ['reading-promotion']
	}
];

/** The next 30 September after `now`: the start of the next school year, always ahead. */
function nextSchoolYear(now: Date) {
	const year = now.getUTCFullYear() + (now.getUTCMonth() >= 8 ? 1 : 0);
	return `${year}-09-30`;
}

/** The actions; the one still in progress is due at the next school year, whenever the demo runs. */
export const demoActions = (now: Date): DemoAction[] => [
	{
		visit: DT_VISIT,
		lesson: 'Des liens étroits avec les autorités de tutelle',
		title: 'Contacter la circonscription pour la formation sur les nouveaux curricula',
		details: 'Demander à bénéficier des formations de la section préscolaire.',
		owner: 'KEOOGO',
		ownerAccount: 'coordinator@keoogo.example.org',
		dueOn: '2024-09-30',
		status: 'done',
		updates: [
			['2024-06-20', 'Rendez-vous obtenu avec la circonscription.', 'in_progress'],
			['2024-09-12', 'Deux monitrices inscrites à la formation de septembre.', 'done']
		]
	},
	{
		visit: DT_VISIT,
		lesson: 'Des moniteurs assistants pour les classes nombreuses',
		title: 'Réfléchir à des moniteurs assistants pour la prochaine année scolaire',
		details: 'Chiffrer le besoin et chercher des partenaires de financement.',
		owner: 'KEOOGO',
		dueOn: nextSchoolYear(now),
		status: 'in_progress',
		updates: [
			['2024-07-15', 'Besoin estimé : deux assistants pour la petite section.', 'in_progress']
		]
	},
	{
		visit: DT_VISIT,
		lesson: 'Renforcer les compétences des moniteurs sur les nouveaux curricula',
		title: 'Analyser les documents partagés par le Dispensaire Trottoir',
		details:
			'Fiches d’activités, bulletin de suivi des élèves, outil de suivi des sorties pédagogiques : se les approprier avant la rentrée.',
		owner: 'KEOOGO',
		dueOn: '2024-10-01',
		status: 'open',
		updates: []
	}
];
