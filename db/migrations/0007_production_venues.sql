CREATE TABLE "production_venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"production_id" uuid NOT NULL,
	"name" text NOT NULL,
	"postcode" text NOT NULL,
	"host_authority_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schedule_days" ADD COLUMN "venue_id" uuid;--> statement-breakpoint
ALTER TABLE "production_venues" ADD CONSTRAINT "production_venues_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_venues" ADD CONSTRAINT "production_venues_host_authority_id_authorities_id_fk" FOREIGN KEY ("host_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "production_venues_production_idx" ON "production_venues" USING btree ("production_id");--> statement-breakpoint
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_venue_id_production_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."production_venues"("id") ON DELETE no action ON UPDATE no action;