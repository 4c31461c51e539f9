-- A counter per visit, moved by every change to its programme, so a calendar file built from the
-- programme can be kept until the programme changes. Kept apart from `data_generation`: an agenda
-- edit must not make the dashboard compute its figures again. A visit without a row is at 0.
CREATE TABLE `agenda_revisions` (
	`visit_id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `agenda_items_generation_insert` AFTER INSERT ON `agenda_items` BEGIN
	INSERT INTO `agenda_revisions` (`visit_id`, `n`) VALUES (NEW.`visit_id`, 1)
		ON CONFLICT (`visit_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_generation_update` AFTER UPDATE ON `agenda_items` BEGIN
	INSERT INTO `agenda_revisions` (`visit_id`, `n`) VALUES (NEW.`visit_id`, 1)
		ON CONFLICT (`visit_id`) DO UPDATE SET `n` = `n` + 1;
	INSERT INTO `agenda_revisions` (`visit_id`, `n`) VALUES (OLD.`visit_id`, 1)
		ON CONFLICT (`visit_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_generation_delete` AFTER DELETE ON `agenda_items` BEGIN
	INSERT INTO `agenda_revisions` (`visit_id`, `n`) VALUES (OLD.`visit_id`, 1)
		ON CONFLICT (`visit_id`) DO UPDATE SET `n` = `n` + 1;
END;
