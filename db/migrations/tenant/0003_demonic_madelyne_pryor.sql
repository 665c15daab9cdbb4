CREATE TABLE `evidence_files` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`owner_type` text,
	`owner_id` text,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `evidence_owner_idx` ON `evidence_files` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `finding_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`action` text NOT NULL,
	`note` text,
	`evidence` text,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finding_events_finding_idx` ON `finding_events` (`finding_id`,`id`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`unit_id` text NOT NULL,
	`visit_id` text,
	`item_key` text,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`description` text NOT NULL,
	`requirement` text,
	`responsible_person` text,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`notice_no` text,
	`issued_at` text,
	`reported_at` text,
	`closed_at` text,
	`overdue_at` text,
	`escalation` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_status_idx` ON `findings` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `findings_unit_idx` ON `findings` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `findings_module_idx` ON `findings` (`module`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `findings_visit_idx` ON `findings` (`visit_id`);--> statement-breakpoint
CREATE TABLE `monthly_themes` (
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`theme` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`year`, `month`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text,
	`link` text,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_unique` ON `notifications` (`user_id`,`kind`,`entity_id`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `plan_items` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`starts_on` text NOT NULL,
	`due_on` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_items_unique` ON `plan_items` (`plan_id`,`unit_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `plan_items_due_idx` ON `plan_items` (`due_on`);--> statement-breakpoint
CREATE INDEX `plan_items_unit_idx` ON `plan_items` (`unit_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`visit_kind` text NOT NULL,
	`template_id` text,
	`zone_id` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`theme` text,
	`note` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `checklist_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plans_module_idx` ON `plans` (`module`,`status`,`starts_on`);--> statement-breakpoint
CREATE TABLE `visit_inspectors` (
	`visit_id` text NOT NULL,
	`inspector_id` text NOT NULL,
	`lead` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`visit_id`, `inspector_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_inspectors_inspector_idx` ON `visit_inspectors` (`inspector_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`template_version_id` text NOT NULL,
	`theme` text,
	`visited_on` text NOT NULL,
	`methods` text NOT NULL,
	`answers` text NOT NULL,
	`score` real,
	`max_score` real,
	`summary` text,
	`feedback` text,
	`feedback_signed_by` text,
	`content_hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `checklist_template_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_unit_idx` ON `visits` (`unit_id`,`visited_on`);--> statement-breakpoint
CREATE INDEX `visits_module_idx` ON `visits` (`module`,`visited_on`);--> statement-breakpoint
CREATE INDEX `visits_visited_idx` ON `visits` (`visited_on`);