CREATE INDEX `visits_host_starts_idx` ON `visits` (`host_organisation_id`,`starts_on`,`id`);--> statement-breakpoint
CREATE INDEX `actions_due_idx` ON `actions` (`due_on`,`id`);