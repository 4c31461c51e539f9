-- The network's themes, present on every database (staff add more in the admin pages).
INSERT OR IGNORE INTO `themes` (`slug`, `name_fr`, `name_en`, `name_es`, `name_ar`) VALUES
	('preschool-education', 'Éducation préscolaire', 'Pre-school education', 'Educación preescolar', 'التعليم ما قبل المدرسي'),
	('street-children', 'Enfants en situation de rue', 'Street children', 'Niñez en situación de calle', 'الأطفال في وضعية الشارع'),
	('reading-promotion', 'Promotion de la lecture', 'Reading promotion', 'Promoción de la lectura', 'تشجيع القراءة'),
	('families', 'Accompagnement des familles', 'Supporting families', 'Acompañamiento a las familias', 'مرافقة الأسر'),
	('school-canteens', 'Cantines scolaires', 'School canteens', 'Comedores escolares', 'المطاعم المدرسية'),
	('child-protection', 'Protection de l''enfance', 'Child protection', 'Protección de la infancia', 'حماية الطفولة'),
	('inclusive-education', 'Éducation inclusive', 'Inclusive education', 'Educación inclusiva', 'التعليم الدامج'),
	('children-rights', 'Droits de l''enfant', 'Children''s rights', 'Derechos de la niñez', 'حقوق الطفل'),
	('pedagogical-supervision', 'Supervision pédagogique', 'Pedagogical supervision', 'Supervisión pedagógica', 'الإشراف التربوي'),
	('distance-education', 'Éducation à distance', 'Distance education', 'Educación a distancia', 'التعليم عن بعد');
