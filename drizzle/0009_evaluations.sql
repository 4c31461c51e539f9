CREATE TABLE `evaluation_answers` (
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`value` integer,
	`text` text,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `evaluation_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `evaluation_questions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "evaluation_answers_one_value" CHECK(("evaluation_answers"."value" IS NULL) <> ("evaluation_answers"."text" IS NULL)),
	CONSTRAINT "evaluation_answers_text_length" CHECK("evaluation_answers"."text" IS NULL OR length("evaluation_answers"."text") <= 5000)
);
--> statement-breakpoint
CREATE INDEX `evaluation_answers_question_idx` ON `evaluation_answers` (`question_id`);--> statement-breakpoint
CREATE TABLE `evaluation_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text,
	`kind` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`text_fr` text NOT NULL,
	`text_en` text NOT NULL,
	`text_es` text NOT NULL,
	`text_ar` text NOT NULL,
	`choices` text,
	FOREIGN KEY (`template_id`) REFERENCES `evaluation_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "evaluation_questions_kind" CHECK("evaluation_questions"."kind" IN ('rating', 'yes_no', 'choice', 'text')),
	CONSTRAINT "evaluation_questions_choices" CHECK(("evaluation_questions"."kind" = 'choice') = ("evaluation_questions"."choices" IS NOT NULL AND json_array_length("evaluation_questions"."choices") >= 2))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_questions_position_idx` ON `evaluation_questions` (`template_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_questions_code_idx` ON `evaluation_questions` (`template_id`,`code`);--> statement-breakpoint
CREATE TABLE `evaluation_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`delegate_id` integer,
	`organisation_id` integer NOT NULL,
	`respondent_name` text NOT NULL,
	`user_id` integer,
	`token_hash` text NOT NULL,
	`token_expires_at` integer NOT NULL,
	`sent_at` integer,
	`first_opened_at` integer,
	`saved_at` integer,
	`submitted_at` integer,
	`reminded_at` integer,
	`auto_reminders` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "evaluation_responses_auto_reminders" CHECK("evaluation_responses"."auto_reminders" BETWEEN 0 AND 2),
	CONSTRAINT "evaluation_responses_name_not_blank" CHECK(length(trim("evaluation_responses"."respondent_name")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_responses_token_idx` ON `evaluation_responses` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_responses_delegate_idx` ON `evaluation_responses` (`evaluation_id`,`delegate_id`);--> statement-breakpoint
CREATE INDEX `evaluation_responses_user_idx` ON `evaluation_responses` (`user_id`);--> statement-breakpoint
CREATE INDEX `evaluation_responses_org_idx` ON `evaluation_responses` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `evaluation_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_templates_version_idx` ON `evaluation_templates` (`version`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`opened_by_id` integer,
	`opened_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `evaluation_templates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`opened_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_visit_idx` ON `evaluations` (`visit_id`);--> statement-breakpoint
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
	CONSTRAINT "notifications_kind" CHECK("__new_notifications"."kind" IN ('visit_proposed', 'visit_answered', 'visit_dates_proposed', 'visit_dates_answered', 'visit_dates_changed', 'visit_status', 'visit_cancelled', 'action_reminder', 'evaluation_opened', 'evaluation_reminder'))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "kind", "visit_id", "payload", "created_at", "read_at") SELECT "id", "user_id", "kind", "visit_id", "payload", "created_at", "read_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);