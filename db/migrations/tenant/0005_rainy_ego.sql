CREATE TABLE `observation_rubric_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`rubric_id` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`builtin_revision` integer,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`rubric_id`) REFERENCES `observation_rubrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_rubric_versions_unique` ON `observation_rubric_versions` (`rubric_id`,`version`);--> statement-breakpoint
CREATE TABLE `observation_rubrics` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`builtin_key` text,
	`latest_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_rubrics_builtin_unique` ON `observation_rubrics` (`builtin_key`);--> statement-breakpoint
CREATE INDEX `observation_rubrics_status_idx` ON `observation_rubrics` (`status`,`name`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` text PRIMARY KEY NOT NULL,
	`observer_id` text NOT NULL,
	`teacher_id` text NOT NULL,
	`unit_id` text,
	`course` text NOT NULL,
	`class_name` text NOT NULL,
	`observed_on` text NOT NULL,
	`period` integer NOT NULL,
	`lesson_type` text NOT NULL,
	`kind` text NOT NULL,
	`rubric_version_id` text NOT NULL,
	`scores` text NOT NULL,
	`total` real NOT NULL,
	`grade` text NOT NULL,
	`strengths` text,
	`problems` text,
	`suggestions` text,
	`semester` text NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`acknowledged_at` text,
	`reply` text,
	`replied_at` text,
	FOREIGN KEY (`observer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `observation_rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observations_teacher_idx` ON `observations` (`teacher_id`,`observed_on`);--> statement-breakpoint
CREATE INDEX `observations_observer_idx` ON `observations` (`observer_id`,`semester`);--> statement-breakpoint
CREATE INDEX `observations_unit_idx` ON `observations` (`unit_id`,`observed_on`);--> statement-breakpoint
CREATE INDEX `observations_observed_idx` ON `observations` (`observed_on`);