import { addDays, format } from 'date-fns';
import type { VisitKind, VisitOrgResponse, VisitOrgRole, VisitStatus } from '../../enums';

export type DemoVisit = {
	title: string;
	kind: VisitKind;
	status: VisitStatus;
	objectives: string;
	proposer: string;
	startsOn: string;
	endsOn: string;
	timeZone: string;
	place: string;
	languages: string[];
	expectedSize: number;
	themes: string[];
	organisations: { key: string; role: VisitOrgRole; response: VisitOrgResponse }[];
	/** When the proposal was sent; later steps of its history come with later issues. */
	proposedAt: Date;
};

const TANGIERS_INVITED = [
	'KEOOGO',
	'DT',
	'CM-DLA',
	'CM-YAO',
	'CG-BZV',
	'CG-PNR',
	'MG-TNR',
	'MG-TMM',
	'ML-BKO',
	'ML-SZU',
	'PE-LIM',
	'PE-CUZ',
	'CD-FIH',
	'CD-FBM',
	'SN-DKR',
	'SN-XLS',
	'YT-DZA'
];

const day = (date: Date) => format(date, 'yyyy-MM-dd');

/** The demo visits; the pending proposal is dated relative to `now` so it is always upcoming. */
export function demoVisits(now: Date): DemoVisit[] {
	return [
		{
			title: 'Observer les classes préscolaires du Dispensaire Trottoir',
			kind: 'exchange',
			status: 'completed',
			objectives:
				'Immersion des monitrices de KEOOGO dans les classes préscolaires du Dispensaire Trottoir : pratiques de classe, gestion de classe, adaptation du matériel pédagogique, travail en binôme avec les aides-monitrices. Présenter en retour la mobilisation des partenaires financiers et le jardin agro-écologique de KEOOGO.',
			proposer: 'KEOOGO',
			startsOn: '2024-05-05',
			endsOn: '2024-05-10',
			timeZone: 'Africa/Ouagadougou',
			place: 'Bobo-Dioulasso, Burkina Faso',
			languages: ['fr'],
			expectedSize: 5,
			themes: ['preschool-education'],
			organisations: [
				{ key: 'DT', role: 'host', response: 'accepted' },
				{ key: 'KEOOGO', role: 'visitor', response: 'accepted' },
				{ key: 'PARTAGE', role: 'facilitator', response: 'accepted' }
			],
			proposedAt: new Date('2024-02-12T09:00:00Z')
		},
		{
			title: 'Promotion de la lecture plaisir : la bibliothèque mobile et les C2L de MAEECHA',
			kind: 'exchange',
			status: 'completed',
			objectives:
				'Découvrir en profondeur les initiatives de MAEECHA pour la lecture plaisir, le fonctionnement de la bibliothèque mobile et des Centres de lecture et de loisirs (C2L), et partager succès et défis de chaque structure.',
			proposer: 'RACINES',
			startsOn: '2023-11-13',
			endsOn: '2023-11-17',
			timeZone: 'Indian/Comoro',
			place: 'Région de Nyumakele, Anjouan, Comores',
			languages: ['fr'],
			expectedSize: 2,
			themes: ['reading-promotion'],
			organisations: [
				{ key: 'MAEECHA', role: 'host', response: 'accepted' },
				{ key: 'RACINES', role: 'visitor', response: 'accepted' },
				{ key: 'PARTAGE', role: 'facilitator', response: 'accepted' }
			],
			proposedAt: new Date('2023-06-05T08:00:00Z')
		},
		{
			title: 'Communauté de pratiques et de savoirs : accompagner autrement les familles',
			kind: 'meeting',
			status: 'completed',
			objectives:
				"Partager les expériences d'accompagnement des familles (réussites et difficultés), questionner les pratiques, mettre en commun et créer des outils ; remettre l'outil issu de la rencontre de Brazzaville 2023 ; visiter le dispositif « 100 % Mamans ».",
			proposer: 'PARTAGE',
			startsOn: '2024-10-28',
			endsOn: '2024-11-02',
			timeZone: 'Africa/Casablanca',
			place: 'Tanger, Maroc',
			languages: ['fr', 'es'],
			expectedSize: 26,
			themes: ['families', 'street-children'],
			organisations: [
				{ key: 'ATF', role: 'host', response: 'accepted' },
				{ key: 'PARTAGE', role: 'facilitator', response: 'accepted' },
				...TANGIERS_INVITED.map((key) => ({
					key,
					role: 'visitor' as const,
					response: 'accepted' as const
				}))
			],
			proposedAt: new Date('2024-05-15T10:00:00Z')
		},
		{
			title: 'Atelier « Cantines des Écoles du Monde »',
			kind: 'meeting',
			status: 'completed',
			objectives:
				"Définir les défis et les activités communs pour favoriser le maintien des élèves à l'école et l'accès à une meilleure alimentation, en développant les partenariats avec les équipes pédagogiques, les parents, les communautés et le personnel des cantines.",
			proposer: 'PARTAGE',
			startsOn: '2024-02-26',
			endsOn: '2024-02-28',
			timeZone: 'Europe/Paris',
			place: 'Compiègne, France',
			languages: ['fr', 'en'],
			expectedSize: 6,
			themes: ['school-canteens'],
			organisations: [
				{ key: 'PARTAGE', role: 'host', response: 'accepted' },
				{ key: 'MAEECHA', role: 'visitor', response: 'accepted' },
				{ key: 'RACINES', role: 'visitor', response: 'accepted' },
				{ key: 'AHEED', role: 'visitor', response: 'accepted' }
			],
			proposedAt: new Date('2023-12-04T10:00:00Z')
		},
		{
			title: 'Découvrir la pédagogie préscolaire du Dispensaire Trottoir',
			kind: 'exchange',
			status: 'proposed',
			objectives:
				"Observer l'organisation des classes préscolaires et l'accompagnement des monitrices par des aides-monitrices, pour préparer l'ouverture d'une section préscolaire dans les Collines.",
			proposer: 'RACINES',
			startsOn: day(addDays(now, 60)),
			endsOn: day(addDays(now, 64)),
			timeZone: 'Africa/Ouagadougou',
			place: 'Bobo-Dioulasso, Burkina Faso',
			languages: ['fr'],
			expectedSize: 3,
			themes: ['preschool-education'],
			organisations: [
				{ key: 'DT', role: 'host', response: 'invited' },
				{ key: 'RACINES', role: 'visitor', response: 'accepted' }
			],
			proposedAt: addDays(now, -20)
		}
	];
}
