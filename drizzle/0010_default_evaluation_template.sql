-- The network's default evaluation sheet (version 1), present on every database. Staff change it
-- in /admin/evaluation, which writes version 2 and later; this version is never edited.
INSERT INTO `evaluation_templates` (`version`) SELECT 1
	WHERE NOT EXISTS (SELECT 1 FROM `evaluation_templates` WHERE `version` = 1);
--> statement-breakpoint
INSERT INTO `evaluation_questions` (`template_id`, `position`, `code`, `kind`, `required`, `text_fr`, `text_en`, `text_es`, `text_ar`, `choices`)
SELECT t.`id`, q.`position`, q.`code`, q.`kind`, q.`required`, q.`fr`, q.`en`, q.`es`, q.`ar`, q.`choices`
FROM `evaluation_templates` t, (
	SELECT 1 AS `position`, 'objectives' AS `code`, 'rating' AS `kind`, 1 AS `required`,
		'Dans quelle mesure les objectifs de la visite ont-ils été atteints ?' AS `fr`,
		'To what extent were the objectives of the visit reached?' AS `en`,
		'¿En qué medida se alcanzaron los objetivos de la visita?' AS `es`,
		'إلى أي حد تم تحقيق أهداف الزيارة؟' AS `ar`,
		NULL AS `choices`
	UNION ALL SELECT 2, 'useful_activity', 'text', 0,
		'Quelle activité vous a été la plus utile, et pourquoi ?',
		'Which activity was the most useful to you, and why?',
		'¿Qué actividad le resultó más útil y por qué?',
		'ما هو النشاط الأكثر فائدة بالنسبة لك، ولماذا؟',
		NULL
	UNION ALL SELECT 3, 'practices', 'text', 0,
		'Quelles pratiques allez-vous adopter dans votre structure ?',
		'Which practices will you adopt in your organisation?',
		'¿Qué prácticas va a adoptar en su organización?',
		'ما هي الممارسات التي ستعتمدونها في مؤسستكم؟',
		NULL
	UNION ALL SELECT 4, 'difficulties', 'text', 0,
		'Quelles difficultés avez-vous rencontrées ?',
		'What difficulties did you meet?',
		'¿Qué dificultades encontró?',
		'ما هي الصعوبات التي واجهتموها؟',
		NULL
	UNION ALL SELECT 5, 'suggestions', 'text', 0,
		'Quelles suggestions feriez-vous à la structure d''accueil ?',
		'What suggestions would you make to the host organisation?',
		'¿Qué sugerencias haría a la organización anfitriona?',
		'ما هي اقتراحاتكم للمؤسسة المستضيفة؟',
		NULL
	UNION ALL SELECT 6, 'follow_up', 'yes_no', 0,
		'Souhaitez-vous un suivi de cet échange (nouvelle visite, appui, contacts) ?',
		'Would you like a follow-up to this exchange (another visit, support, contacts)?',
		'¿Desea un seguimiento de este intercambio (nueva visita, apoyo, contactos)?',
		'هل ترغبون في متابعة لهذا التبادل (زيارة جديدة، دعم، اتصالات)؟',
		NULL
	UNION ALL SELECT 7, 'most_useful_part', 'choice', 0,
		'Quelle partie du programme a été la plus utile ?',
		'Which part of the programme was the most useful?',
		'¿Qué parte del programa fue la más útil?',
		'ما هو الجزء الأكثر فائدة في البرنامج؟',
		'[{"fr":"Les observations de classes et d''activités","en":"Observing classes and activities","es":"La observación de clases y actividades","ar":"ملاحظة الأقسام والأنشطة"},{"fr":"Les ateliers et échanges entre pairs","en":"Workshops and exchanges between peers","es":"Los talleres e intercambios entre pares","ar":"الورشات والتبادل بين الأقران"},{"fr":"Les visites de terrain","en":"Site visits","es":"Las visitas de terreno","ar":"الزيارات الميدانية"},{"fr":"Les séances de bilan","en":"Debriefing sessions","es":"Las sesiones de balance","ar":"جلسات التقييم"}]'
	UNION ALL SELECT 8, 'overall', 'rating', 1,
		'Quelle note globale donnez-vous à cette visite ?',
		'What overall rating do you give this visit?',
		'¿Qué calificación global da a esta visita?',
		'ما هو تقييمكم العام لهذه الزيارة؟',
		NULL
) q
WHERE t.`version` = 1
	AND NOT EXISTS (SELECT 1 FROM `evaluation_questions` e WHERE e.`template_id` = t.`id`);
