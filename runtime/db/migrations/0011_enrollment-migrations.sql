CREATE TABLE `enrollment_migration_items` (
	`migration_id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`status` text NOT NULL,
	`from_step` text,
	`to_step` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`migration_id`, `enrollment_id`),
	FOREIGN KEY (`migration_id`) REFERENCES `enrollment_migrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `migration_items_status` ON `enrollment_migration_items` (`migration_id`,`status`);--> statement-breakpoint
CREATE TABLE `enrollment_migrations` (
	`id` text PRIMARY KEY NOT NULL,
	`journey_id` text NOT NULL,
	`from_version_id` text NOT NULL,
	`to_version_id` text NOT NULL,
	`targets` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`journey_id`) REFERENCES `journeys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action
);
