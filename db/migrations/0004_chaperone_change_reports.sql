CREATE TABLE "chaperone_change_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"applicant_user_id" uuid NOT NULL,
	"authority_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" text NOT NULL,
	"happened_on" date NOT NULL,
	"late" boolean NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "chaperone_change_reports" ADD CONSTRAINT "chaperone_change_reports_document_id_issued_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_change_reports" ADD CONSTRAINT "chaperone_change_reports_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaperone_change_reports" ADD CONSTRAINT "chaperone_change_reports_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chaperone_change_reports_authority_idx" ON "chaperone_change_reports" USING btree ("authority_id","acknowledged_at","reported_at");