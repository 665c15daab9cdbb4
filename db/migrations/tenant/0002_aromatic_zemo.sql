CREATE TABLE `checklist_template_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`builtin_revision` integer,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`template_id`) REFERENCES `checklist_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_template_versions_unique` ON `checklist_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `checklist_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`builtin_key` text,
	`copied_from_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`latest_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_templates_builtin_unique` ON `checklist_templates` (`builtin_key`);--> statement-breakpoint
CREATE INDEX `checklist_templates_module_idx` ON `checklist_templates` (`module`,`status`,`name`);