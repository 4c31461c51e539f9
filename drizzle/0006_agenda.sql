CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`visit_id` integer NOT NULL,
	`day` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`lead_organisation_id` integer,
	`lead_name` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "agenda_items_kind" CHECK("agenda_items"."kind" IN ('observation', 'workshop', 'site_visit', 'meeting', 'debrief', 'travel', 'meal', 'free_time')),
	CONSTRAINT "agenda_items_day_format" CHECK("agenda_items"."day" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "agenda_items_time_format" CHECK("agenda_items"."starts_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "agenda_items"."ends_at" GLOB '[0-2][0-9]:[0-5][0-9]' AND "agenda_items"."starts_at" < '24:00' AND "agenda_items"."ends_at" <= '24:00'),
	CONSTRAINT "agenda_items_order" CHECK("agenda_items"."ends_at" > "agenda_items"."starts_at"),
	CONSTRAINT "agenda_items_title_not_blank" CHECK(length(trim("agenda_items"."title")) > 0),
	CONSTRAINT "agenda_items_version" CHECK("agenda_items"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_uid_idx` ON `agenda_items` (`uid`);--> statement-breakpoint
CREATE INDEX `agenda_items_visit_day_idx` ON `agenda_items` (`visit_id`,`day`,`starts_at`);--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_idx` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feeds_user_idx` ON `calendar_feeds` (`user_id`);