CREATE TABLE "employment_permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"started_by" text NOT NULL,
	"organisation_id" uuid,
	"business_name" text,
	"workplace_address" text,
	"workplace_postcode" text,
	"authority_id" uuid,
	"occupation" text,
	"job_description" text,
	"start_date" date,
	"term_pattern" jsonb,
	"holiday_pattern" jsonb,
	"supervisor_name" text,
	"risk_assessment_confirmed" boolean,
	"employer_part_completed_at" timestamp with time zone,
	"parent_user_id" uuid,
	"child_id" uuid,
	"has_health_conditions" boolean,
	"health_details" text,
	"consent_name" text,
	"parent_part_completed_at" timestamp with time zone,
	"invite_email" text,
	"invite_token_hash" text,
	"invite_expires_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"school_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decision_reason" text,
	"document_id" uuid,
	"ends_on" date,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_permits_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_parent_user_id_users_id_fk" FOREIGN KEY ("parent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_permits" ADD CONSTRAINT "employment_permits_document_id_issued_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employment_permits_invite_idx" ON "employment_permits" USING btree ("invite_token_hash");--> statement-breakpoint
CREATE INDEX "employment_permits_authority_idx" ON "employment_permits" USING btree ("authority_id","status");--> statement-breakpoint
CREATE INDEX "employment_permits_organisation_idx" ON "employment_permits" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "employment_permits_parent_idx" ON "employment_permits" USING btree ("parent_user_id");--> statement-breakpoint
CREATE INDEX "employment_permits_child_idx" ON "employment_permits" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "employment_permits_ends_idx" ON "employment_permits" USING btree ("status","ends_on");