CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_failure_at` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text;