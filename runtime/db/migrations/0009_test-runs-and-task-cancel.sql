ALTER TABLE `enrollments` ADD `enrolled_by` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `cancel_reason` text;