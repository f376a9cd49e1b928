CREATE TABLE "escalations" (
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"authority_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalations_item_kind_item_id_stage_pk" PRIMARY KEY("item_kind","item_id","stage")
);
--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "licence_decision_target_working_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "escalation_email" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;