CREATE TABLE "child_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"production_id" uuid NOT NULL,
	"email" text NOT NULL,
	"child_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_by_user_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone,
	"share_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"code_hint" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"production_id" uuid,
	"used_at" timestamp with time zone,
	"used_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_user_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"home_authority_id" uuid NOT NULL,
	"school_id" uuid,
	"school_name" text,
	"photo_upload_id" uuid,
	"photo_taken_on" date,
	"birth_certificate_upload_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exempt_performances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"production_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"bopa_application_id" uuid,
	"dates" date[] NOT NULL,
	"check" jsonb NOT NULL,
	"home_authority_id" uuid NOT NULL,
	"host_authority_id" uuid NOT NULL,
	"document_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text DEFAULT 'performance' NOT NULL,
	"basis" text NOT NULL,
	"production_id" uuid,
	"production_title" text NOT NULL,
	"organiser_name" text NOT NULL,
	"authority_id" uuid,
	"exempt_performance_id" uuid,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "productions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"paid" boolean NOT NULL,
	"broadcast" boolean NOT NULL,
	"venue_name" text NOT NULL,
	"venue_postcode" text NOT NULL,
	"host_authority_id" uuid NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bopa_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"host_authority_id" uuid NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"performances" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"venues" text NOT NULL,
	"children_count" integer NOT NULL,
	"youngest_age" integer NOT NULL,
	"oldest_age" integer NOT NULL,
	"safeguarding_lead_name" text NOT NULL,
	"safeguarding_lead_email" text NOT NULL,
	"safeguarding_lead_phone" text NOT NULL,
	"policy_upload_id" uuid NOT NULL,
	"risk_assessment_upload_id" uuid NOT NULL,
	"chaperone_arrangements" text NOT NULL,
	"no_payment_confirmed" boolean NOT NULL,
	"late" boolean NOT NULL,
	"conditions" text[],
	"decision_reason" text,
	"document_id" uuid,
	"submitted_by_user_id" uuid NOT NULL,
	"decided_by_user_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bopa_applications_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "exempt_absence_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "exempt_broadcast_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "authority_settings" ADD COLUMN "bopa_max_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "child_invitations" ADD CONSTRAINT "child_invitations_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_invitations" ADD CONSTRAINT "child_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_invitations" ADD CONSTRAINT "child_invitations_share_id_child_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."child_shares"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_shares" ADD CONSTRAINT "child_shares_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_shares" ADD CONSTRAINT "child_shares_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_shares" ADD CONSTRAINT "child_shares_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_shares" ADD CONSTRAINT "child_shares_used_by_user_id_users_id_fk" FOREIGN KEY ("used_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_parent_user_id_users_id_fk" FOREIGN KEY ("parent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_home_authority_id_authorities_id_fk" FOREIGN KEY ("home_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_photo_upload_id_uploads_id_fk" FOREIGN KEY ("photo_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_birth_certificate_upload_id_uploads_id_fk" FOREIGN KEY ("birth_certificate_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exempt_performances" ADD CONSTRAINT "exempt_performances_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exempt_performances" ADD CONSTRAINT "exempt_performances_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exempt_performances" ADD CONSTRAINT "exempt_performances_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exempt_performances" ADD CONSTRAINT "exempt_performances_home_authority_id_authorities_id_fk" FOREIGN KEY ("home_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exempt_performances" ADD CONSTRAINT "exempt_performances_host_authority_id_authorities_id_fk" FOREIGN KEY ("host_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exempt_performances" ADD CONSTRAINT "exempt_performances_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_days" ADD CONSTRAINT "performance_days_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_days" ADD CONSTRAINT "performance_days_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_days" ADD CONSTRAINT "performance_days_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_days" ADD CONSTRAINT "performance_days_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productions" ADD CONSTRAINT "productions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productions" ADD CONSTRAINT "productions_host_authority_id_authorities_id_fk" FOREIGN KEY ("host_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productions" ADD CONSTRAINT "productions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_host_authority_id_authorities_id_fk" FOREIGN KEY ("host_authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_policy_upload_id_uploads_id_fk" FOREIGN KEY ("policy_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_risk_assessment_upload_id_uploads_id_fk" FOREIGN KEY ("risk_assessment_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_document_id_issued_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bopa_applications" ADD CONSTRAINT "bopa_applications_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_invitations_token_idx" ON "child_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "child_invitations_production_idx" ON "child_invitations" USING btree ("production_id");--> statement-breakpoint
CREATE UNIQUE INDEX "child_shares_code_idx" ON "child_shares" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "child_shares_child_idx" ON "child_shares" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_shares_production_idx" ON "child_shares" USING btree ("production_id");--> statement-breakpoint
CREATE INDEX "children_parent_idx" ON "children" USING btree ("parent_user_id");--> statement-breakpoint
CREATE INDEX "exempt_performances_production_idx" ON "exempt_performances" USING btree ("production_id");--> statement-breakpoint
CREATE INDEX "exempt_performances_child_idx" ON "exempt_performances" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "exempt_performances_home_idx" ON "exempt_performances" USING btree ("home_authority_id","created_at");--> statement-breakpoint
CREATE INDEX "exempt_performances_host_idx" ON "exempt_performances" USING btree ("host_authority_id","created_at");--> statement-breakpoint
CREATE INDEX "performance_days_child_date_idx" ON "performance_days" USING btree ("child_id","date");--> statement-breakpoint
CREATE INDEX "productions_organisation_idx" ON "productions" USING btree ("organisation_id","first_date");--> statement-breakpoint
CREATE INDEX "bopa_applications_host_idx" ON "bopa_applications" USING btree ("host_authority_id","status");--> statement-breakpoint
CREATE INDEX "bopa_applications_organisation_idx" ON "bopa_applications" USING btree ("organisation_id");