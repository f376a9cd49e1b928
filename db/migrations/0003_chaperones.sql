CREATE TABLE "authority_settings" (
	"authority_id" uuid PRIMARY KEY NOT NULL,
	"chaperone_licence_years" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chaperone_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text,
	"applicant_user_id" uuid NOT NULL,
	"authority_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"renews_document_id" uuid,
	"first_name" text,
	"last_name" text,
	"other_names" text,
	"date_of_birth" date,
	"phone" text,
	"address_line1" text,
	"address_line2" text,
	"town" text,
	"postcode" text,
	"photo_upload_id" uuid,
	"identity_upload_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"identity_document_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"dbs_certificate_number" text,
	"dbs_issue_date" date,
	"dbs_on_update_service" boolean,
	"dbs_consent_to_status_check" boolean,
	"training_date" date,
	"training_provider" text,
	"training_upload_id" uuid,
	"has_convictions" boolean,
	"conviction_details" text,
	"has_other_council_decisions" boolean,
	"other_council_details" text,
	"declaration_confirmed" boolean,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"information_requested" text,
	"decision_reason" text,
	"restrictions" text,
	"valid_from" date,
	"valid_to" date,
	"licence_document_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chaperone_applications_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "chaperone_referees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"relationship" text NOT NULL,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"requested_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"response" jsonb,
	"judgement" text,
	"judged_by" text,
	"judged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_reminders" (
	"document_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_reminders_document_id_days_before_pk" PRIMARY KEY("document_id","days_before")
);
--> statement-breakpoint
ALTER TABLE "authority_settings" ADD CONSTRAINT "authority_settings_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_applications" ADD CONSTRAINT "chaperone_applications_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_applications" ADD CONSTRAINT "chaperone_applications_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_applications" ADD CONSTRAINT "chaperone_applications_renews_document_id_issued_documents_id_fk" FOREIGN KEY ("renews_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_applications" ADD CONSTRAINT "chaperone_applications_photo_upload_id_uploads_id_fk" FOREIGN KEY ("photo_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_applications" ADD CONSTRAINT "chaperone_applications_training_upload_id_uploads_id_fk" FOREIGN KEY ("training_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_applications" ADD CONSTRAINT "chaperone_applications_licence_document_id_issued_documents_id_fk" FOREIGN KEY ("licence_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_referees" ADD CONSTRAINT "chaperone_referees_application_id_chaperone_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."chaperone_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_reminders" ADD CONSTRAINT "renewal_reminders_document_id_issued_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chaperone_applications_applicant_idx" ON "chaperone_applications" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "chaperone_applications_queue_idx" ON "chaperone_applications" USING btree ("authority_id","status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chaperone_referees_position_idx" ON "chaperone_referees" USING btree ("application_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "chaperone_referees_token_idx" ON "chaperone_referees" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "uploads" USING btree ("owner_user_id");