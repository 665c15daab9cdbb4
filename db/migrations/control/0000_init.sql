CREATE TABLE `platform_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`region_prefix` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`status` text NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `platform_accounts_username_unique` ON `platform_accounts` (`username`);--> statement-breakpoint
CREATE TABLE `platform_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`details` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `platform_audit_at_idx` ON `platform_audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `platform_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `platform_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `platform_sessions_user_idx` ON `platform_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `signup_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`org_name` text NOT NULL,
	`kind` text NOT NULL,
	`region_code` text NOT NULL,
	`province` text NOT NULL,
	`city` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_email` text,
	`desired_slug` text NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	`reject_reason` text,
	`tenant_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `signup_status_idx` ON `signup_applications` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `tenant_metric_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`taken_at` text NOT NULL,
	`schema_version` integer NOT NULL,
	`unit_count` integer NOT NULL,
	`user_count` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `snapshots_tenant_idx` ON `tenant_metric_snapshots` (`tenant_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`region_code` text NOT NULL,
	`province` text NOT NULL,
	`city` text NOT NULL,
	`db_name` text NOT NULL,
	`db_url` text NOT NULL,
	`status` text NOT NULL,
	`config` text NOT NULL,
	`schema_version` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_slug_unique` ON `tenants` (`slug`);--> statement-breakpoint
CREATE INDEX `tenants_region_idx` ON `tenants` (`region_code`);