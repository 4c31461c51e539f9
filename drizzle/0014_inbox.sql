-- Hand-edited: the copy of notifications fills the two new columns with NULL (drizzle-kit
-- selected them from the old table, where SQLite would read the unknown "delivery" as a string).
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`topic` text NOT NULL,
	`delivery` text NOT NULL,
	PRIMARY KEY(`user_id`, `topic`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_preferences_topic" CHECK("notification_preferences"."topic" IN ('proposals', 'changes', 'status', 'reminders')),
	CONSTRAINT "notification_preferences_delivery" CHECK("notification_preferences"."delivery" IN ('mail', 'digest', 'app'))
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`name` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `html` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `unsubscribe_url` text;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`visit_id` integer,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	`delivery` text,
	`digested_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind" CHECK("__new_notifications"."kind" IN ('visit_proposed', 'visit_answered', 'visit_dates_proposed', 'visit_dates_answered', 'visit_dates_changed', 'visit_status', 'visit_cancelled', 'action_reminder', 'evaluation_opened', 'evaluation_reminder')),
	CONSTRAINT "notifications_delivery" CHECK("__new_notifications"."delivery" IS NULL OR "__new_notifications"."delivery" IN ('mail', 'digest', 'app'))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "kind", "visit_id", "payload", "created_at", "read_at", "delivery", "digested_at") SELECT "id", "user_id", "kind", "visit_id", "payload", "created_at", "read_at", NULL, NULL FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_digest_idx` ON `notifications` (`user_id`,`created_at`) WHERE "notifications"."delivery" = 'digest' AND "notifications"."digested_at" IS NULL;