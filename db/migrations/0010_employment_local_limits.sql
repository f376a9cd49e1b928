ALTER TABLE "authority_settings" ADD COLUMN "employment_latest" text;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "employment_school_starts" text;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "employment_school_ends" text;