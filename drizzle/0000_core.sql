CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`name_es` text NOT NULL,
	`name_ar` text NOT NULL,
	CONSTRAINT "themes_slug_format" CHECK("themes"."slug" GLOB '[a-z0-9-]*' AND length("themes"."slug") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_slug_unique` ON `themes` (`slug`);--> statement-breakpoint
CREATE TABLE `organisation_themes` (
	`organisation_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `theme_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organisation_themes_theme_idx` ON `organisation_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`country` text NOT NULL,
	`city` text NOT NULL,
	`time_zone` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`is_network_staff` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "organisations_country_format" CHECK("organisations"."country" GLOB '[A-Z][A-Z]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_short_name_unique` ON `organisations` (`short_name`);--> statement-breakpoint
CREATE INDEX `organisations_country_idx` ON `organisations` (`country`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `organisation_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "memberships_role" CHECK("memberships"."role" IN ('coordinator', 'member'))
);
--> statement-breakpoint
CREATE INDEX `memberships_organisation_idx` ON `memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`preferred_locale` text,
	`time_zone` text,
	`global_role` text DEFAULT 'member' NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_global_role" CHECK("users"."global_role" IN ('admin', 'staff', 'member')),
	CONSTRAINT "users_preferred_locale" CHECK("users"."preferred_locale" IS NULL OR "users"."preferred_locale" IN ('fr', 'en', 'es', 'ar')),
	CONSTRAINT "users_email_format" CHECK("users"."email" LIKE '%_@_%')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_lower_idx` ON `users` (lower("email"));--> statement-breakpoint
CREATE TABLE `visit_organisations` (
	`visit_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	`response` text DEFAULT 'invited' NOT NULL,
	`reason` text,
	`responded_at` integer,
	PRIMARY KEY(`visit_id`, `organisation_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "visit_organisations_role" CHECK("visit_organisations"."role" IN ('host', 'visitor', 'facilitator')),
	CONSTRAINT "visit_organisations_response" CHECK("visit_organisations"."response" IN ('invited', 'accepted', 'declined')),
	CONSTRAINT "visit_organisations_declined_reason" CHECK("visit_organisations"."response" <> 'declined' OR length(trim(coalesce("visit_organisations"."reason", ''))) > 0)
);
--> statement-breakpoint
CREATE INDEX `visit_organisations_organisation_idx` ON `visit_organisations` (`organisation_id`,`visit_id`);--> statement-breakpoint
CREATE TABLE `visit_themes` (
	`visit_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `theme_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `visit_themes_theme_idx` ON `visit_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'exchange' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`objectives` text DEFAULT '' NOT NULL,
	`host_organisation_id` integer NOT NULL,
	`proposer_organisation_id` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`time_zone` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`expected_size` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`host_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`proposer_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "visits_kind" CHECK("visits"."kind" IN ('exchange', 'meeting')),
	CONSTRAINT "visits_status" CHECK("visits"."status" IN ('draft', 'proposed', 'accepted', 'confirmed', 'completed', 'closed', 'declined', 'cancelled')),
	CONSTRAINT "visits_dates_order" CHECK("visits"."ends_on" >= "visits"."starts_on"),
	CONSTRAINT "visits_dates_format" CHECK("visits"."starts_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND "visits"."ends_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "visits_expected_size" CHECK("visits"."expected_size" IS NULL OR "visits"."expected_size" > 0),
	CONSTRAINT "visits_version" CHECK("visits"."version" >= 1),
	CONSTRAINT "visits_title_not_blank" CHECK(length(trim("visits"."title")) > 0)
);
--> statement-breakpoint
CREATE INDEX `visits_starts_on_idx` ON `visits` (`starts_on`);--> statement-breakpoint
CREATE INDEX `visits_status_starts_on_idx` ON `visits` (`status`,`starts_on`);--> statement-breakpoint
CREATE INDEX `visits_host_idx` ON `visits` (`host_organisation_id`);--> statement-breakpoint
CREATE INDEX `visits_proposer_idx` ON `visits` (`proposer_organisation_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`changes` text,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`);