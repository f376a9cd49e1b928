CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"authority_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"reporter_user_id" uuid,
	"reporter_name" text NOT NULL,
	"reporter_email" text NOT NULL,
	"reporter_phone" text,
	"reporter_relationship" text NOT NULL,
	"subject_document_id" uuid,
	"subject_name" text NOT NULL,
	"subject_role" text NOT NULL,
	"subject_organisation_id" uuid,
	"subject_organisation_name" text,
	"child_name" text,
	"production_name" text,
	"what_happened" text NOT NULL,
	"happened_on" date NOT NULL,
	"action_taken" text,
	"status" text DEFAULT 'new' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decision_reason" text,
	CONSTRAINT "concerns_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "lado_case_members" (
	"referral_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by_user_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lado_case_members_referral_id_user_id_pk" PRIMARY KEY("referral_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "lado_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"authority_id" uuid NOT NULL,
	"lado_authority_id" uuid NOT NULL,
	"suspended_document" boolean DEFAULT false NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lado_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"authority_id" uuid NOT NULL,
	"categories" text[] NOT NULL,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"referred_on" date NOT NULL,
	"case_reference" text,
	"case_address" text,
	"subject_date_of_birth" date,
	"outcome" text,
	"outcome_on" date,
	"outcome_notes" text,
	"retention_review_on" date,
	"removed_from_licensing_record" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lado_referrals_concernId_unique" UNIQUE("concern_id")
);
--> statement-breakpoint
CREATE TABLE "safeguarding_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "closure_days" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_subject_document_id_issued_documents_id_fk" FOREIGN KEY ("subject_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_subject_organisation_id_organisations_id_fk" FOREIGN KEY ("subject_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_case_members" ADD CONSTRAINT "lado_case_members_referral_id_lado_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."lado_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_case_members" ADD CONSTRAINT "lado_case_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_case_members" ADD CONSTRAINT "lado_case_members_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_holds" ADD CONSTRAINT "lado_holds_referral_id_lado_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."lado_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_holds" ADD CONSTRAINT "lado_holds_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_holds" ADD CONSTRAINT "lado_holds_lado_authority_id_authorities_id_fk" FOREIGN KEY ("lado_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_referrals" ADD CONSTRAINT "lado_referrals_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_referrals" ADD CONSTRAINT "lado_referrals_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_deliveries" ADD CONSTRAINT "safeguarding_deliveries_referral_id_lado_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."lado_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concerns_authority_idx" ON "concerns" USING btree ("authority_id","status","received_at");--> statement-breakpoint
CREATE INDEX "lado_holds_record_idx" ON "lado_holds" USING btree ("record_id","lifted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lado_holds_referral_record_idx" ON "lado_holds" USING btree ("referral_id","record_id");--> statement-breakpoint
CREATE INDEX "lado_referrals_authority_idx" ON "lado_referrals" USING btree ("authority_id","outcome","referred_at");--> statement-breakpoint
CREATE INDEX "safeguarding_deliveries_referral_idx" ON "safeguarding_deliveries" USING btree ("referral_id","created_at");--> statement-breakpoint
CREATE INDEX "safeguarding_deliveries_status_idx" ON "safeguarding_deliveries" USING btree ("status") WHERE status in ('pending', 'retrying');