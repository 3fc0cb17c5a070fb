CREATE TABLE `audit_head` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`legacy_until` integer NOT NULL,
	`lost_before` integer,
	`mac` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
ALTER TABLE `patients` ADD `test` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `discipline` text;--> statement-breakpoint
ALTER TABLE `users` ADD `disabled_at` text;