CREATE TABLE `draft_saves` (
	`id` text PRIMARY KEY NOT NULL,
	`journey_id` text NOT NULL,
	`user_id` text NOT NULL,
	`version_id` text,
	`saved_at` text NOT NULL,
	FOREIGN KEY (`journey_id`) REFERENCES `journeys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_saves_journey` ON `draft_saves` (`journey_id`,`version_id`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`step_id` text,
	`parent_id` text,
	`body` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_comments_version` ON `review_comments` (`version_id`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`user_id` text NOT NULL,
	`printed_name` text NOT NULL,
	`discipline` text NOT NULL,
	`decision` text NOT NULL,
	`meaning` text NOT NULL,
	`reason` text,
	`content_hash` text NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_version_discipline` ON `signatures` (`version_id`,`discipline`);--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_version_user` ON `signatures` (`version_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `journeys` ADD `review_disciplines` text;--> statement-breakpoint
ALTER TABLE `versions` ADD `editors` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `versions` ADD `required_disciplines` text;--> statement-breakpoint
ALTER TABLE `versions` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `versions` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `versions` ADD `approved_at` text;--> statement-breakpoint
ALTER TABLE `versions` ADD `superseded_at` text;