CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`action` text NOT NULL,
	`note` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`,`id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`tracking_code` text NOT NULL,
	`unit_id` text NOT NULL,
	`category` text NOT NULL,
	`topic` text NOT NULL,
	`body` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`photo_key` text,
	`status` text DEFAULT 'received' NOT NULL,
	`assignee_id` text,
	`public_reply` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_tracking_unique` ON `complaints` (`tracking_code`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_unit_idx` ON `complaints` (`unit_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_assignee_idx` ON `complaints` (`assignee_id`,`status`);--> statement-breakpoint
CREATE TABLE `inspector_units` (
	`inspector_id` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`inspector_id`, `unit_id`),
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspector_units_unit_idx` ON `inspector_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `inspector_zones` (
	`inspector_id` text NOT NULL,
	`zone_id` text NOT NULL,
	PRIMARY KEY(`inspector_id`, `zone_id`),
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspector_zones_zone_idx` ON `inspector_zones` (`zone_id`);--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`certificate_no` text,
	`term_start` text,
	`term_end` text,
	`training_hours` real DEFAULT 0 NOT NULL,
	`photo_key` text,
	`phone` text,
	`email` text,
	`workplace` text,
	`user_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_certificate_unique` ON `inspectors` (`certificate_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_user_unique` ON `inspectors` (`user_id`);--> statement-breakpoint
CREATE INDEX `inspectors_status_name_idx` ON `inspectors` (`status`,`name`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`unit_id` text,
	`office_note` text,
	`answer` text,
	`answered_by` text,
	`answered_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestions_author_idx` ON `suggestions` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `suggestions_unit_idx` ON `suggestions` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `suggestions_status_idx` ON `suggestions` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `units` ADD `code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `units_status_kind_name_idx` ON `units` (`status`,`kind`,`name`);--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text;--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`,`display_name`);--> statement-breakpoint
ALTER TABLE `zones` ADD `note` text;--> statement-breakpoint
ALTER TABLE `zones` ADD `updated_at` text;