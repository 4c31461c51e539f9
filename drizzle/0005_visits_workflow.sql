CREATE TABLE `date_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "date_proposals_status" CHECK("date_proposals"."status" IN ('open', 'accepted', 'rejected', 'withdrawn')),
	CONSTRAINT "date_proposals_order" CHECK("date_proposals"."ends_on" >= "date_proposals"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `date_proposals_visit_idx` ON `date_proposals` (`visit_id`,`status`);--> statement-breakpoint
CREATE TABLE `delegates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`function` text DEFAULT '' NOT NULL,
	`email` text,
	`user_id` integer,
	`arrives_at` text,
	`departs_at` text,
	`travel` text DEFAULT 'to_book' NOT NULL,
	`visa` text DEFAULT 'not_needed' NOT NULL,
	`accommodation` text DEFAULT 'to_arrange' NOT NULL,
	`needs` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "delegates_travel" CHECK("delegates"."travel" IN ('to_book', 'booked', 'not_needed')),
	CONSTRAINT "delegates_visa" CHECK("delegates"."visa" IN ('not_needed', 'to_apply', 'pending', 'obtained', 'refused')),
	CONSTRAINT "delegates_accommodation" CHECK("delegates"."accommodation" IN ('to_arrange', 'booked', 'not_needed')),
	CONSTRAINT "delegates_name_not_blank" CHECK(length(trim("delegates"."name")) > 0),
	CONSTRAINT "delegates_times_format" CHECK(("delegates"."arrives_at" IS NULL OR "delegates"."arrives_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]') AND ("delegates"."departs_at" IS NULL OR "delegates"."departs_at" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]')),
	CONSTRAINT "delegates_times_order" CHECK("delegates"."arrives_at" IS NULL OR "delegates"."departs_at" IS NULL OR "delegates"."departs_at" >= "delegates"."arrives_at")
);
--> statement-breakpoint
CREATE INDEX `delegates_visit_idx` ON `delegates` (`visit_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `delegates_user_idx` ON `delegates` (`user_id`);--> statement-breakpoint
CREATE TABLE `job_marks` (
	`job` text NOT NULL,
	`key` text NOT NULL,
	`done_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`job`, `key`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`visit_id` integer,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind" CHECK("notifications"."kind" IN ('visit_proposed', 'visit_answered', 'visit_dates_proposed', 'visit_dates_answered', 'visit_dates_changed', 'visit_status', 'visit_cancelled'))
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `visits` ADD `status_reason` text;