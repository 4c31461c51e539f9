DROP INDEX `actions_visit_idx`;--> statement-breakpoint
DROP INDEX `actions_owner_idx`;--> statement-breakpoint
DROP INDEX `actions_status_due_idx`;--> statement-breakpoint
CREATE INDEX `actions_visit_status_idx` ON `actions` (`visit_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_owner_due_idx` ON `actions` (`owner_organisation_id`,`due_on`,`status`);--> statement-breakpoint
CREATE INDEX `actions_status_due_owner_idx` ON `actions` (`status`,`due_on`,`owner_organisation_id`);--> statement-breakpoint
CREATE INDEX `actions_pending_due_idx` ON `actions` (`due_on`) WHERE "actions"."status" IN ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX `visit_organisations_graph_idx` ON `visit_organisations` (`role`,`response`,`organisation_id`,`visit_id`);--> statement-breakpoint
CREATE INDEX `visits_status_ends_on_idx` ON `visits` (`status`,`ends_on`);--> statement-breakpoint
-- A counter bumped by every change to the tables the cached summaries read (dashboard, filter
-- choices): caches compare it (db/version.ts) instead of re-reading 400 000 actions, and a
-- sign-in or a notification, which touch none of these tables, leaves them valid.
CREATE TABLE `data_generation` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_generation` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `organisations_generation_insert` AFTER INSERT ON `organisations` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_generation_update` AFTER UPDATE ON `organisations` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_generation_delete` AFTER DELETE ON `organisations` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_generation_insert` AFTER INSERT ON `visits` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_generation_update` AFTER UPDATE ON `visits` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_generation_delete` AFTER DELETE ON `visits` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_organisations_generation_insert` AFTER INSERT ON `visit_organisations` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_organisations_generation_update` AFTER UPDATE ON `visit_organisations` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_organisations_generation_delete` AFTER DELETE ON `visit_organisations` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lessons_generation_insert` AFTER INSERT ON `lessons` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lessons_generation_update` AFTER UPDATE ON `lessons` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lessons_generation_delete` AFTER DELETE ON `lessons` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actions_generation_insert` AFTER INSERT ON `actions` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actions_generation_update` AFTER UPDATE ON `actions` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actions_generation_delete` AFTER DELETE ON `actions` BEGIN
	UPDATE `data_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
