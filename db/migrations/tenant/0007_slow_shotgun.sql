CREATE TABLE `balance_figures` (
	`school_year` integer NOT NULL,
	`unit_id` text NOT NULL,
	`school_kind` text NOT NULL,
	`enrolment` integer NOT NULL,
	`enrolment_by_stage` text,
	`resources` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`school_year`, `unit_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `balance_figures_unit_idx` ON `balance_figures` (`unit_id`,`school_year`);