CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lesson_id` integer NOT NULL,
	`filename` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "attachments_size" CHECK("attachments"."size" > 0),
	CONSTRAINT "attachments_sha256_format" CHECK(length("attachments"."sha256") = 64 AND "attachments"."sha256" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "attachments_filename_not_blank" CHECK(length(trim("attachments"."filename")) > 0)
);
--> statement-breakpoint
CREATE INDEX `attachments_lesson_idx` ON `attachments` (`lesson_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha256_idx` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `lesson_themes` (
	`lesson_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`lesson_id`, `theme_id`),
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `lesson_themes_theme_idx` ON `lesson_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`title` text NOT NULL,
	`observed` text DEFAULT '' NOT NULL,
	`adaptation` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'network' NOT NULL,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "lessons_visibility" CHECK("lessons"."visibility" IN ('network', 'participants')),
	CONSTRAINT "lessons_title_not_blank" CHECK(length(trim("lessons"."title")) > 0),
	CONSTRAINT "lessons_text_length" CHECK(length("lessons"."title") <= 200 AND length("lessons"."observed") <= 20000 AND length("lessons"."adaptation") <= 20000)
);
--> statement-breakpoint
CREATE INDEX `lessons_visit_idx` ON `lessons` (`visit_id`);--> statement-breakpoint
CREATE INDEX `lessons_organisation_idx` ON `lessons` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `action_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`author_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`from_status` text,
	`to_status` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "action_updates_status" CHECK(("action_updates"."from_status" IS NULL OR "action_updates"."from_status" IN ('open', 'in_progress', 'done', 'dropped')) AND ("action_updates"."to_status" IS NULL OR "action_updates"."to_status" IN ('open', 'in_progress', 'done', 'dropped'))),
	CONSTRAINT "action_updates_not_empty" CHECK(length(trim("action_updates"."note")) > 0 OR "action_updates"."to_status" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`lesson_id` integer,
	`title` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`owner_organisation_id` integer NOT NULL,
	`owner_user_id` integer,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "actions_status" CHECK("actions"."status" IN ('open', 'in_progress', 'done', 'dropped')),
	CONSTRAINT "actions_due_format" CHECK("actions"."due_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "actions_title_not_blank" CHECK(length(trim("actions"."title")) > 0),
	CONSTRAINT "actions_version" CHECK("actions"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `actions_visit_idx` ON `actions` (`visit_id`);--> statement-breakpoint
CREATE INDEX `actions_owner_idx` ON `actions` (`owner_organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_status_due_idx` ON `actions` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `actions_lesson_idx` ON `actions` (`lesson_id`);--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sent_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reminders_sent_kind" CHECK("reminders_sent"."kind" IN ('due_in_7', 'due_today') OR ("reminders_sent"."kind" GLOB 'overdue_week_[1-9]*' AND substr("reminders_sent"."kind", 14) NOT GLOB '*[^0-9]*'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_sent_action_kind_idx` ON `reminders_sent` (`action_id`,`kind`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`visit_id` integer,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind" CHECK("__new_notifications"."kind" IN ('visit_proposed', 'visit_answered', 'visit_dates_proposed', 'visit_dates_answered', 'visit_dates_changed', 'visit_status', 'visit_cancelled', 'action_reminder'))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "kind", "visit_id", "payload", "created_at", "read_at") SELECT "id", "user_id", "kind", "visit_id", "payload", "created_at", "read_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);