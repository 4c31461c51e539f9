DROP INDEX `actions_visit_idx`;--> statement-breakpoint
DROP INDEX `actions_owner_idx`;--> statement-breakpoint
DROP INDEX `actions_status_due_idx`;--> statement-breakpoint
CREATE INDEX `actions_visit_status_idx` ON `actions` (`visit_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_owner_due_idx` ON `actions` (`owner_organisation_id`,`due_on`,`status`);--> statement-breakpoint
CREATE INDEX `actions_status_due_owner_idx` ON `actions` (`status`,`due_on`,`owner_organisation_id`);--> statement-breakpoint
CREATE INDEX `actions_pending_due_idx` ON `actions` (`due_on`) WHERE "actions"."status" IN ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX `visit_organisations_graph_idx` ON `visit_organisations` (`role`,`response`,`organisation_id`,`visit_id`);--> statement-breakpoint
CREATE INDEX `visits_status_ends_on_idx` ON `visits` (`status`,`ends_on`);