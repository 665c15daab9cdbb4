CREATE TABLE `evaluation_scheme_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme_id` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`builtin_revision` integer,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`scheme_id`) REFERENCES `evaluation_schemes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_scheme_versions_unique` ON `evaluation_scheme_versions` (`scheme_id`,`version`);--> statement-breakpoint
CREATE TABLE `evaluation_schemes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`builtin_key` text,
	`latest_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_schemes_builtin_unique` ON `evaluation_schemes` (`builtin_key`);--> statement-breakpoint
CREATE INDEX `evaluation_schemes_status_idx` ON `evaluation_schemes` (`status`,`kind`,`name`);