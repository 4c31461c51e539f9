CREATE TABLE `practice_themes` (
	`practice_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `theme_id`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_themes_theme_idx` ON `practice_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `practices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "practices_kind" CHECK("practices"."kind" IN ('share', 'learn')),
	CONSTRAINT "practices_title_not_blank" CHECK(length(trim("practices"."title")) > 0),
	CONSTRAINT "practices_text_length" CHECK(length("practices"."title") <= 120 AND length("practices"."description") <= 500)
);
--> statement-breakpoint
CREATE INDEX `practices_organisation_idx` ON `practices` (`organisation_id`,`kind`);--> statement-breakpoint
-- Full-text index of profile entries, folded like the lessons' (case and accents ignored).
CREATE VIRTUAL TABLE `practices_fts` USING fts5(
	title, description,
	content = 'practices', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `practices_fts_insert` AFTER INSERT ON `practices` BEGIN
	INSERT INTO practices_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `practices_fts_delete` AFTER DELETE ON `practices` BEGIN
	INSERT INTO practices_fts(practices_fts, rowid, title, description)
	VALUES ('delete', old.id, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `practices_fts_update` AFTER UPDATE OF title, description ON `practices` BEGIN
	INSERT INTO practices_fts(practices_fts, rowid, title, description)
	VALUES ('delete', old.id, old.title, old.description);
	INSERT INTO practices_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
-- The suggested exchanges are cached per data generation (db/version.ts): profiles move it too.
CREATE TRIGGER `practices_generation_insert` AFTER INSERT ON `practices` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `practices_generation_update` AFTER UPDATE ON `practices` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `practices_generation_delete` AFTER DELETE ON `practices` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `practice_themes_generation_insert` AFTER INSERT ON `practice_themes` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `practice_themes_generation_delete` AFTER DELETE ON `practice_themes` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- The network's tool sheet on mobile libraries made it a theme of its own ("mobile library" and
-- "bibliothèque mobile" meet on it when finding a peer).
INSERT OR IGNORE INTO `themes` (`slug`, `name_fr`, `name_en`, `name_es`, `name_ar`) VALUES
	('mobile-libraries', 'Bibliothèques mobiles', 'Mobile libraries', 'Bibliotecas móviles', 'المكتبات المتنقلة');
