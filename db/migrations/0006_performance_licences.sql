CREATE TABLE "performance_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text,
	"production_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"share_id" uuid,
	"authority_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"paid" boolean,
	"payment_details" text,
	"night_work_reasons" text,
	"tutor_name" text,
	"tutor_hours_per_day" integer,
	"pupils_per_tutor" integer,
	"contract_upload_id" uuid,
	"producer_part_completed_at" timestamp with time zone,
	"school_id" uuid,
	"school_name" text,
	"has_health_conditions" boolean,
	"health_details" text,
	"has_other_council_decisions" boolean,
	"other_council_details" text,
	"photo_upload_id" uuid,
	"photo_taken_on" date,
	"birth_certificate_upload_id" uuid,
	"consent_name" text,
	"parent_part_completed_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"assigned_officer_user_id" uuid,
	"information_requested" text,
	"information_reply" text,
	"conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision_reason" text,
	"document_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_applications_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "schedule_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text DEFAULT 'performance' NOT NULL,
	"arrive" text NOT NULL,
	"depart" text NOT NULL,
	"performing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"school_day" boolean DEFAULT false NOT NULL,
	"chaperone" text,
	"chaperone_document_id" uuid,
	"chaperone_is_tutor" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"school_id" uuid,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"reminded_at" timestamp with time zone,
	"response" text,
	"grounds" text[],
	"reasons" text,
	"responded_by_name" text,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "school_response_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "consult_school_always" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_share_id_child_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."child_shares"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_contract_upload_id_uploads_id_fk" FOREIGN KEY ("contract_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_photo_upload_id_uploads_id_fk" FOREIGN KEY ("photo_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_birth_certificate_upload_id_uploads_id_fk" FOREIGN KEY ("birth_certificate_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_assigned_officer_user_id_users_id_fk" FOREIGN KEY ("assigned_officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_document_id_issued_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_applications" ADD CONSTRAINT "performance_applications_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_application_id_performance_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."performance_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_chaperone_document_id_issued_documents_id_fk" FOREIGN KEY ("chaperone_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_consultations" ADD CONSTRAINT "school_consultations_application_id_performance_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."performance_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_consultations" ADD CONSTRAINT "school_consultations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_dates" ADD CONSTRAINT "term_dates_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "performance_applications_child_production_idx" ON "performance_applications" USING btree ("production_id","child_id");--> statement-breakpoint
CREATE INDEX "performance_applications_authority_idx" ON "performance_applications" USING btree ("authority_id","status");--> statement-breakpoint
CREATE INDEX "performance_applications_child_idx" ON "performance_applications" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_days_application_date_idx" ON "schedule_days" USING btree ("application_id","date");--> statement-breakpoint
CREATE INDEX "schedule_days_chaperone_idx" ON "schedule_days" USING btree ("chaperone_document_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "school_consultations_token_idx" ON "school_consultations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "school_consultations_application_idx" ON "school_consultations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "school_consultations_school_idx" ON "school_consultations" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "term_dates_authority_idx" ON "term_dates" USING btree ("authority_id","start_date");