ALTER TABLE "school_consultations" ALTER COLUMN "application_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "school_consultations" ADD COLUMN "permit_id" uuid;--> statement-breakpoint
ALTER TABLE "school_consultations" ADD CONSTRAINT "school_consultations_permit_id_employment_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."employment_permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_consultations_permit_idx" ON "school_consultations" USING btree ("permit_id");--> statement-breakpoint
ALTER TABLE "school_consultations" ADD CONSTRAINT "school_consultations_one_subject" CHECK (num_nonnulls("school_consultations"."application_id", "school_consultations"."permit_id") = 1);