ALTER TABLE `tasks` ADD `visit` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `closed_by` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `note` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `escalated_at` text;