ALTER TABLE "performance_applications" ADD COLUMN "first_schedule_date" date;--> statement-breakpoint
CREATE INDEX "performance_applications_queue_idx" ON "performance_applications" USING btree ("authority_id","first_schedule_date");--> statement-breakpoint
-- The queue orders by each application's first schedule day: kept here, whatever changes the days.
CREATE OR REPLACE FUNCTION performance_applications_first_schedule_date() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE performance_applications SET first_schedule_date = (SELECT min(date) FROM schedule_days WHERE application_id = OLD.application_id) WHERE id = OLD.application_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE performance_applications SET first_schedule_date = (SELECT min(date) FROM schedule_days WHERE application_id = NEW.application_id) WHERE id = NEW.application_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER schedule_days_first_schedule_date
  AFTER INSERT OR UPDATE OF date, application_id OR DELETE ON schedule_days
  FOR EACH ROW EXECUTE FUNCTION performance_applications_first_schedule_date();
--> statement-breakpoint
UPDATE performance_applications pa SET first_schedule_date = (SELECT min(date) FROM schedule_days sd WHERE sd.application_id = pa.id);
