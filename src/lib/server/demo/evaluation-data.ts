// The evaluation sheet of the RACINES → MAEECHA visit: "on their return, the Beninese delegation
// and the Comorian hosts produced an evaluation sheet of the visit" (partner news, 22 April 2024).
// The answers echo the lessons RACINES drew from it. Plain data with no imports, so the e2e
// tests compute the expected means from the same sheets.

export type DemoSheet = {
	/** The delegate's name on the visit. */
	delegate: string;
	organisation: 'RACINES' | 'MAEECHA';
	/** Submitted on this day; null: a draft saved on `savedOn`. */
	submittedOn: string | null;
	savedOn: string;
	/** By question code of the default template (ratings 1–5, yes/no 1/0, choice option index). */
	answers: Record<string, number | string>;
};

export const DEMO_EVALUATION = {
	/** Start of the visit's title. */
	visit: 'Promotion de la lecture plaisir',
	openedOn: '2023-11-20',
	anonymous: false,
	sheets: [
		{
			delegate: 'Tobias Gbaguidi',
			organisation: 'RACINES',
			submittedOn: '2023-11-24',
			savedOn: '2023-11-24',
			answers: {
				objectives: 5,
				useful_activity:
					'La sortie avec la bibliothèque mobile dans le Nyumakele : voir les jeunes du village animer la lecture avec les enfants nous a montré comment les associer.',
				practices:
					'Associer des jeunes animateurs à nos séances de lecture dans les Collines, et rédiger une fiche pour chaque étape d’une activité.',
				difficulties:
					'Un programme très dense : peu de temps pour échanger avec les animateurs des C2L après les séances.',
				suggestions: 'Partager vos fiches d’activités et vos outils de suivi des C2L.',
				follow_up: 1,
				most_useful_part: 0,
				overall: 5
			}
		},
		{
			delegate: 'Vital Amoussou',
			organisation: 'RACINES',
			submittedOn: '2023-11-27',
			savedOn: '2023-11-26',
			answers: {
				objectives: 4,
				useful_activity:
					'L’atelier sur les jeux et les contes autour du livre : des outils simples pour attirer les enfants vers la lecture plaisir.',
				practices: 'Enrichir nos malles de lecture de jeux et de supports variés.',
				difficulties: 'Les trajets entre les villages ont pris une bonne partie des journées.',
				follow_up: 1,
				most_useful_part: 1,
				overall: 4
			}
		},
		{
			delegate: 'Youssouf Dainane',
			organisation: 'MAEECHA',
			submittedOn: '2023-11-22',
			savedOn: '2023-11-22',
			answers: {
				objectives: 3,
				useful_activity:
					'Le bilan avec RACINES : comprendre comment ils appuient la lecture dans les écoles publiques des Collines.',
				difficulties:
					'Organiser l’hébergement à Nyumakele pour une délégation venue de loin, avec peu de moyens.',
				follow_up: 1,
				most_useful_part: 3,
				overall: 4
			}
		},
		{
			delegate: 'Nasser Assoumani',
			organisation: 'MAEECHA',
			submittedOn: null,
			savedOn: '2023-11-23',
			answers: {
				objectives: 2,
				useful_activity: 'La visite des C2L avec'
			}
		}
	] satisfies DemoSheet[]
};
