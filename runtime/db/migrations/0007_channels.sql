CREATE TABLE `address_opt_outs` (
	`address` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`keyword` text NOT NULL,
	`connector` text NOT NULL,
	`opted_out_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`evidence` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_patient` ON `consents` (`patient_id`,`channel`,`purpose`);--> statement-breakpoint
CREATE TABLE `delivery_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`received_at` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delivery_events_message` ON `delivery_events` (`message_id`);--> statement-breakpoint
ALTER TABLE `dev_inbox` ADD `idempotency_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `dev_inbox_idempotency_key_unique` ON `dev_inbox` (`idempotency_key`);--> statement-breakpoint
ALTER TABLE `messages` ADD `visit` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `delivery_status` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `delivery_error` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `delivery_updated_at` text;--> statement-breakpoint
CREATE INDEX `messages_provider_id` ON `messages` (`connector`,`provider_message_id`);--> statement-breakpoint
ALTER TABLE `patients` ADD `phone_problem` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `phone_problem_at` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `email_problem` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `email_problem_at` text;