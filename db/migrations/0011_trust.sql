ALTER TABLE "settings" ADD COLUMN "outlier_factor" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "outlier_min_units" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_lines" ADD COLUMN "flags" jsonb;--> statement-breakpoint
ALTER TABLE "submission_lines" ADD COLUMN "confirm_reason" text;--> statement-breakpoint
ALTER TABLE "submission_lines" ADD COLUMN "confirm_note" text;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD COLUMN "quality_score" smallint;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD COLUMN "quality_parts" jsonb;