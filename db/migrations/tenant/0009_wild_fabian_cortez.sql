CREATE TABLE `development_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`school_year` integer NOT NULL,
	`indicator_key` text,
	`title` text NOT NULL,
	`measure` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`progress` text,
	`adjustment` text,
	`sort` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `development_targets_unit_idx` ON `development_targets` (`unit_id`,`school_year`,`sort`);--> statement-breakpoint
CREATE TABLE `evaluation_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`indicator_key` text,
	`file_name` text NOT NULL,
	`key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `evaluation_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_evidence_unit_idx` ON `evaluation_evidence` (`round_id`,`unit_id`,`indicator_key`);--> statement-breakpoint
CREATE TABLE `evaluation_round_reviewers` (
	`round_id` text NOT NULL,
	`user_id` text NOT NULL,
	`lead` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`round_id`, `user_id`),
	FOREIGN KEY (`round_id`) REFERENCES `evaluation_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_round_reviewers_user_idx` ON `evaluation_round_reviewers` (`user_id`);--> statement-breakpoint
CREATE TABLE `evaluation_round_units` (
	`round_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`status` text DEFAULT 'self' NOT NULL,
	`self_report` text,
	`self_total` real,
	`review_total` real,
	`submitted_at` text,
	`review_summary` text,
	`published_at` text,
	`reply` text,
	`reply_items` text,
	`replied_at` text,
	`reply_answer` text,
	`final_total` real,
	`finalized_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `unit_id`),
	FOREIGN KEY (`round_id`) REFERENCES `evaluation_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_round_units_unit_idx` ON `evaluation_round_units` (`unit_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `evaluation_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scheme_id` text NOT NULL,
	`scheme_version` integer NOT NULL,
	`school_year` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`self_deadline` text NOT NULL,
	`review_deadline` text NOT NULL,
	`reply_deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`scheme_id`) REFERENCES `evaluation_schemes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_rounds_status_idx` ON `evaluation_rounds` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `evaluation_scores` (
	`round_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`side` text NOT NULL,
	`indicator_key` text NOT NULL,
	`score` real NOT NULL,
	`note` text,
	`scored_by` text NOT NULL,
	`scored_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `unit_id`, `side`, `indicator_key`),
	FOREIGN KEY (`round_id`) REFERENCES `evaluation_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
