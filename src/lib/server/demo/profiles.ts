// What the demo organisations can share and want to learn, in the network's own words (the
// June 2024 and April 2024 news in shared/domain/partner-news.txt).
import type { PracticeKind } from '../../enums';

export type DemoPractice = {
	organisation: string;
	kind: PracticeKind;
	title: string;
	description: string;
	themes: string[];
};

const share = (
	organisation: string,
	title: string,
	description: string,
	themes: string[]
): DemoPractice => ({ organisation, kind: 'share', title, description, themes });
const learn = (
	organisation: string,
	title: string,
	description: string,
	themes: string[]
): DemoPractice => ({ organisation, kind: 'learn', title, description, themes });

export const DEMO_PRACTICES: DemoPractice[] = [
	share(
		'KEOOGO',
		"Financer l'école maternelle avec plusieurs partenaires",
		"Nous mobilisons plusieurs partenaires pour financer l'école maternelle de 111 enfants.",
		['preschool-education']
	),
	share(
		'KEOOGO',
		'Jardin agro-écologique pour les goûters',
		'Notre jardin agro-écologique produit les fruits et légumes des goûters des enfants.',
		['preschool-education', 'school-canteens']
	),
	share(
		'KEOOGO',
		'Uniformes et jouets fabriqués par de jeunes mères',
		"De jeunes mères fabriquent les uniformes, les jeux et les jouets de l'école à partir de matériaux locaux.",
		['preschool-education', 'families']
	),
	share(
		'KEOOGO',
		'Maraudes de jour et de nuit avec des pairs éducateurs',
		"D'anciens jeunes de la rue, réinsérés, vont à la rencontre des enfants en situation de rue.",
		['street-children']
	),
	learn(
		'KEOOGO',
		'Travailler avec des monitrices assistantes',
		'Faire accompagner les monitrices par des aides-monitrices dans les classes de petite section nombreuses.',
		['preschool-education']
	),
	learn(
		'KEOOGO',
		'Se former aux nouveaux curricula',
		"Renforcer les compétences des monitrices sur les curricula du préscolaire et les liens avec l'autorité de tutelle.",
		['preschool-education', 'pedagogical-supervision']
	),
	share(
		'DT',
		'Pratique de classe préscolaire',
		"De longues années d'expérience des classes préscolaires avec des enfants vulnérables et déplacés internes.",
		['preschool-education']
	),
	share(
		'DT',
		"Fiches d'activités",
		"Des fiches d'activités adaptées aux besoins des enfants, prêtes à être reprises par d'autres équipes.",
		['preschool-education']
	),
	share(
		'DT',
		"Carnet de suivi de l'élève",
		"Un carnet qui suit les progrès de chaque élève tout au long de l'année scolaire.",
		['preschool-education']
	),
	share(
		'DT',
		'Suivi des sorties pédagogiques',
		'Un outil pour préparer et suivre les sorties pédagogiques des classes.',
		['preschool-education']
	),
	learn(
		'DT',
		"Diversifier le financement de l'école",
		"Mobiliser plusieurs partenaires pour financer nos classes, comme d'autres membres du réseau.",
		['preschool-education']
	),
	share(
		'MAEECHA',
		'Bibliothèque mobile',
		'Une bibliothèque mobile circule dans les villages du Nyumakele pour amener les livres aux enfants.',
		['reading-promotion', 'mobile-libraries']
	),
	share(
		'MAEECHA',
		'Centres de lecture et de loisirs (C2L)',
		'Des centres où les enfants lisent et jouent, animés par des jeunes de la communauté.',
		['reading-promotion']
	),
	share(
		'MAEECHA',
		'Lecture plaisir',
		'Des activités qui donnent aux enfants le goût de lire pour le plaisir, hors de la classe.',
		['reading-promotion']
	),
	learn(
		'MAEECHA',
		'Associer les communautés aux cantines',
		'Que les communautés et les autorités prennent davantage en charge les cantines scolaires.',
		['school-canteens']
	),
	learn(
		'RACINES',
		'Promotion de la lecture',
		"Renforcer notre appui à la lecture dans les Collines avec l'appui technique d'une ONG expérimentée.",
		['reading-promotion']
	),
	learn(
		'RACINES',
		'Documenter chaque étape des activités de lecture',
		'Outiller chaque étape pour que les acteurs de terrain se les approprient.',
		['reading-promotion']
	),
	share(
		'ADEMA',
		'Supervision pédagogique des directeurs',
		"La formation des directeurs d'école à l'accompagnement des enseignants qu'ils encadrent.",
		['pedagogical-supervision']
	),
	share(
		'VOC',
		'Boîte à messages confidentielle',
		'Les enfants signalent en confiance les abus, lus par une personne extérieure au centre.',
		['child-protection']
	),
	learn(
		'AHEED',
		'Améliorer la qualité des repas à la cantine',
		"Impliquer parents et personnel de cantine dans la qualité de l'alimentation.",
		['school-canteens']
	)
];
