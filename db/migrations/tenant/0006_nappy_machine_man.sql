CREATE TABLE `priority_teachers` (
	`id` text PRIMARY KEY NOT NULL,
	`teacher_id` text NOT NULL,
	`semester` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`course_ends_on` text,
	`flagged_by` text NOT NULL,
	`flagged_at` text NOT NULL,
	`cleared_at` text,
	`cleared_by` text,
	FOREIGN KEY (`teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `priority_teachers_unique` ON `priority_teachers` (`teacher_id`,`semester`,`reason`);--> statement-breakpoint
CREATE INDEX `priority_teachers_semester_idx` ON `priority_teachers` (`semester`,`cleared_at`);--> statement-breakpoint
CREATE TABLE `survey_links` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`label` text NOT NULL,
	`token_count` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_links_survey_idx` ON `survey_links` (`survey_id`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`link_id` text NOT NULL,
	`answers` text NOT NULL,
	`submitted_on` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `survey_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_responses_survey_idx` ON `survey_responses` (`survey_id`,`link_id`);--> statement-breakpoint
CREATE TABLE `survey_text_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`question_key` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_text_answers_survey_idx` ON `survey_text_answers` (`survey_id`,`status`);--> statement-breakpoint
CREATE TABLE `survey_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`link_id` text NOT NULL,
	`used_on` text,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `survey_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_tokens_link_idx` ON `survey_tokens` (`link_id`,`used_on`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`questions` text NOT NULL,
	`min_responses` integer NOT NULL,
	`teacher_id` text,
	`unit_id` text,
	`course` text,
	`semester` text NOT NULL,
	`closes_on` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `surveys_semester_idx` ON `surveys` (`semester`,`kind`,`status`);--> statement-breakpoint
CREATE INDEX `surveys_teacher_idx` ON `surveys` (`teacher_id`,`semester`);--> statement-breakpoint
CREATE TABLE `teaching_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`teacher_id` text NOT NULL,
	`unit_id` text,
	`semester` text NOT NULL,
	`link` text NOT NULL,
	`checked_on` text NOT NULL,
	`score` real NOT NULL,
	`comment` text,
	`sampled_count` integer,
	`checked_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teaching_checks_teacher_idx` ON `teaching_checks` (`teacher_id`,`semester`,`link`);--> statement-breakpoint
CREATE INDEX `teaching_checks_semester_idx` ON `teaching_checks` (`semester`,`unit_id`,`link`);--> statement-breakpoint
ALTER TABLE `users` ADD `quota_role` text;