-- Full-text index of lessons (FTS5, external content: the text is stored once, in `lessons`).
-- unicode61 with remove_diacritics 2 folds case and accents, so "reunion" finds "Réunion".
CREATE VIRTUAL TABLE `lessons_fts` USING fts5(
	title, observed, adaptation,
	content = 'lessons', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `lessons_fts_insert` AFTER INSERT ON `lessons` BEGIN
	INSERT INTO lessons_fts(rowid, title, observed, adaptation)
	VALUES (new.id, new.title, new.observed, new.adaptation);
END;
--> statement-breakpoint
CREATE TRIGGER `lessons_fts_delete` AFTER DELETE ON `lessons` BEGIN
	INSERT INTO lessons_fts(lessons_fts, rowid, title, observed, adaptation)
	VALUES ('delete', old.id, old.title, old.observed, old.adaptation);
END;
--> statement-breakpoint
CREATE TRIGGER `lessons_fts_update` AFTER UPDATE OF title, observed, adaptation ON `lessons` BEGIN
	INSERT INTO lessons_fts(lessons_fts, rowid, title, observed, adaptation)
	VALUES ('delete', old.id, old.title, old.observed, old.adaptation);
	INSERT INTO lessons_fts(rowid, title, observed, adaptation)
	VALUES (new.id, new.title, new.observed, new.adaptation);
END;
--> statement-breakpoint
INSERT INTO lessons_fts(lessons_fts) VALUES ('rebuild');
