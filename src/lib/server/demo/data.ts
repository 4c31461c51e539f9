// The demo network, taken from the two texts in shared/domain/. Organisations the texts do not
// name (the Moroccan co-organiser, the other participants of the Tangiers meeting) get neutral
// placeholder names so nobody mistakes them for real partners.
import type { MembershipRole, GlobalRole } from '../../enums';

export type DemoOrganisation = {
	key: string;
	name: string;
	shortName: string;
	country: string;
	city: string;
	timeZone: string;
	themes: string[];
	description: string;
	isNetworkStaff?: boolean;
};

const placeholder = (
	key: string,
	countryName: string,
	country: string,
	city: string,
	timeZone: string
): DemoOrganisation => ({
	key,
	name: `Partenaire ${countryName} — ${city}`,
	shortName: key,
	country,
	city,
	timeZone,
	themes: ['families', 'street-children'],
	description:
		'Organisation partenaire (nom fictif) ayant participé à la communauté de pratiques de Tanger.'
});

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
	{
		key: 'PARTAGE',
		name: 'PARTAGE',
		shortName: 'PARTAGE',
		country: 'FR',
		city: 'Paris',
		timeZone: 'Europe/Paris',
		themes: ['children-rights', 'child-protection', 'distance-education'],
		description:
			'ONG qui coordonne le réseau PARTAGE RISE : missions de suivi, capitalisation et communautés de pratiques.',
		isNetworkStaff: true
	},
	{
		key: 'KEOOGO',
		name: 'KEOOGO',
		shortName: 'KEOOGO',
		country: 'BF',
		city: 'Ouagadougou',
		timeZone: 'Africa/Ouagadougou',
		themes: ['street-children', 'preschool-education', 'child-protection'],
		description:
			'Accompagne depuis 2004 les enfants et jeunes en situation de rue (maraudes de jour et de nuit, pairs éducateurs) et gère une école maternelle de 111 enfants avec un jardin agro-écologique.'
	},
	{
		key: 'DT',
		name: 'Dispensaire Trottoir',
		shortName: 'DT',
		country: 'BF',
		city: 'Bobo-Dioulasso',
		timeZone: 'Africa/Ouagadougou',
		themes: ['preschool-education', 'street-children'],
		description:
			"Association de Bobo-Dioulasso forte de longues années d'expérience en éducation préscolaire auprès d'enfants vulnérables, dont des enfants déplacés internes."
	},
	{
		key: 'RACINES',
		name: 'RACINES',
		shortName: 'RACINES',
		country: 'BJ',
		city: 'Dassa-Zoumé',
		timeZone: 'Africa/Porto-Novo',
		themes: ['reading-promotion', 'distance-education', 'school-canteens'],
		description:
			"ONG béninoise intervenant dans le département des Collines : stratégies d'appui à la lecture et éducation fondamentale."
	},
	{
		key: 'MAEECHA',
		name: 'MAEECHA',
		shortName: 'MAEECHA',
		country: 'KM',
		city: 'Moroni',
		timeZone: 'Indian/Comoro',
		themes: ['reading-promotion', 'school-canteens'],
		description:
			'ONG comorienne reconnue pour la promotion de la lecture plaisir : bibliothèque mobile et Centres de lecture et de loisirs (C2L) dans la région de Nyumakele.'
	},
	{
		key: 'AHEED',
		name: 'AHEED',
		shortName: 'AHEED',
		country: 'EG',
		city: 'Le Caire',
		timeZone: 'Africa/Cairo',
		themes: ['school-canteens', 'children-rights'],
		description: 'Association égyptienne engagée dans les écoles et les cantines scolaires.'
	},
	{
		key: 'ADEMA',
		name: 'ADEMA',
		shortName: 'ADEMA',
		country: 'HT',
		city: 'Port-de-Paix',
		timeZone: 'America/Port-au-Prince',
		themes: ['pedagogical-supervision'],
		description:
			"Appuie les écoles publiques du Bas Nord-Ouest d'Haïti : formation des directeurs d'école à la supervision pédagogique."
	},
	{
		key: 'VOC',
		name: 'Voice of Children',
		shortName: 'VOC',
		country: 'NP',
		city: 'Katmandou',
		timeZone: 'Asia/Kathmandu',
		themes: ['street-children', 'child-protection'],
		description:
			"Depuis 2000, centres d'accueil temporaire, soins, soutien psychologique et charte de protection de l'enfant au Népal."
	},
	{
		key: 'SJJ',
		name: 'San Juan de Jerusalen',
		shortName: 'SJJ',
		country: 'EC',
		city: 'Quito',
		timeZone: 'America/Guayaquil',
		themes: ['inclusive-education'],
		description:
			"Association équatorienne qui accompagne des enfants à besoins particuliers et défend le droit à l'éducation pour tous."
	},
	{
		key: 'INEPE',
		name: 'INEPE',
		shortName: 'INEPE',
		country: 'EC',
		city: 'Quito',
		timeZone: 'America/Guayaquil',
		themes: ['children-rights'],
		description:
			"Co-auteur d'un rapport alternatif sur le respect de la Convention des droits de l'enfant en Équateur (2024)."
	},
	{
		key: 'ATF',
		name: 'Association Tanger Familles',
		shortName: 'ATF',
		country: 'MA',
		city: 'Tanger',
		timeZone: 'Africa/Casablanca',
		themes: ['families', 'street-children'],
		description:
			'Partenaire marocain (nom fictif) qui a co-organisé la rencontre annuelle de Tanger et porte le dispositif « 100 % Mamans ».'
	},
	placeholder('CM-DLA', 'Cameroun', 'CM', 'Douala', 'Africa/Douala'),
	placeholder('CM-YAO', 'Cameroun', 'CM', 'Yaoundé', 'Africa/Douala'),
	placeholder('CG-BZV', 'Congo', 'CG', 'Brazzaville', 'Africa/Brazzaville'),
	placeholder('CG-PNR', 'Congo', 'CG', 'Pointe-Noire', 'Africa/Brazzaville'),
	placeholder('MG-TNR', 'Madagascar', 'MG', 'Antananarivo', 'Indian/Antananarivo'),
	placeholder('MG-TMM', 'Madagascar', 'MG', 'Toamasina', 'Indian/Antananarivo'),
	placeholder('ML-BKO', 'Mali', 'ML', 'Bamako', 'Africa/Bamako'),
	placeholder('ML-SZU', 'Mali', 'ML', 'Ségou', 'Africa/Bamako'),
	placeholder('PE-LIM', 'Pérou', 'PE', 'Lima', 'America/Lima'),
	placeholder('PE-CUZ', 'Pérou', 'PE', 'Cusco', 'America/Lima'),
	placeholder('CD-FIH', 'RD Congo', 'CD', 'Kinshasa', 'Africa/Kinshasa'),
	placeholder('CD-FBM', 'RD Congo', 'CD', 'Lubumbashi', 'Africa/Lubumbashi'),
	placeholder('SN-DKR', 'Sénégal', 'SN', 'Dakar', 'Africa/Dakar'),
	placeholder('SN-XLS', 'Sénégal', 'SN', 'Saint-Louis', 'Africa/Dakar'),
	placeholder('YT-DZA', 'Mayotte', 'YT', 'Mamoudzou', 'Indian/Mayotte')
];

export const DEMO_PASSWORD = 'passerelle-demo';

export type DemoUser = {
	email: string;
	name: string;
	globalRole: GlobalRole;
	organisation: string;
	role: MembershipRole;
};

export const DEMO_USERS: DemoUser[] = [
	{
		email: 'staff@partage.example.org',
		name: 'Camille Durand',
		globalRole: 'staff',
		organisation: 'PARTAGE',
		role: 'coordinator'
	},
	{
		email: 'coordinator@keoogo.example.org',
		name: 'Aminata Ouédraogo',
		globalRole: 'member',
		organisation: 'KEOOGO',
		role: 'coordinator'
	},
	{
		email: 'coordinator@dispensaire-trottoir.example.org',
		name: 'Issa Traoré',
		globalRole: 'member',
		organisation: 'DT',
		role: 'coordinator'
	},
	{
		email: 'member@keoogo.example.org',
		name: 'Awa Sawadogo',
		globalRole: 'member',
		organisation: 'KEOOGO',
		role: 'member'
	},
	{
		email: 'coordinator@racines.example.org',
		name: 'Tobias Gbaguidi',
		globalRole: 'member',
		organisation: 'RACINES',
		role: 'coordinator'
	}
];
