CREATE TABLE "governance_actions" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"owner_email" text,
	"time_frame" text,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_note" text,
	"status_requested_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_actions_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_agenda_items" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"rapporteur" text,
	"time" text,
	"decision" jsonb,
	"votes" jsonb,
	"reservations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text,
	"decided_by" text,
	CONSTRAINT "governance_agenda_items_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_agenda_items_position_key" UNIQUE("region_id","meeting_id","position"),
	CONSTRAINT "governance_agenda_items_case_key" UNIQUE("region_id","meeting_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "governance_audit_questions" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"question" text NOT NULL,
	"assessment" text NOT NULL,
	"reply" text,
	"updated_by" text NOT NULL,
	CONSTRAINT "governance_audit_questions_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_case_events" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"body" text NOT NULL,
	"event" text NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_case_events_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_case_serials" (
	"region_id" text NOT NULL,
	"year" integer NOT NULL,
	"last_serial" integer NOT NULL,
	CONSTRAINT "governance_case_serials_region_id_year_pk" PRIMARY KEY("region_id","year"),
	CONSTRAINT "governance_case_serials_positive" CHECK ("governance_case_serials"."last_serial" >= 0)
);
--> statement-breakpoint
CREATE TABLE "governance_cases" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"year" integer NOT NULL,
	"serial" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"case_officer" text,
	"unit" text,
	"received_on" date NOT NULL,
	"sender_reference" text,
	"answer_by" date,
	"proposer" jsonb,
	"status" text DEFAULT 'registered' NOT NULL,
	"outcome" text,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_cases_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_cases_number_key" UNIQUE("region_id","case_number"),
	CONSTRAINT "governance_cases_serial_key" UNIQUE("region_id","year","serial")
);
--> statement-breakpoint
CREATE TABLE "governance_minute_corrections" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"item_id" uuid,
	"text" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_minute_corrections_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_delegated_decisions" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"delegate" text NOT NULL,
	"delegation_point" text NOT NULL,
	"decided_on" date NOT NULL,
	"summary" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "governance_delegated_decisions_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_documents" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"secret" boolean DEFAULT false NOT NULL,
	"osl_chapter" integer,
	"osl_section" integer,
	"registered_on" date NOT NULL,
	"registered_by" text NOT NULL,
	CONSTRAINT "governance_documents_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_documents_ground" CHECK (("governance_documents"."secret" AND "governance_documents"."osl_chapter" BETWEEN 1 AND 99 AND "governance_documents"."osl_section" BETWEEN 1 AND 99) OR (NOT "governance_documents"."secret" AND "governance_documents"."osl_chapter" IS NULL AND "governance_documents"."osl_section" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "governance_extracts" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"email" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "governance_extracts_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_extracts_key" UNIQUE("region_id","item_id","email")
);
--> statement-breakpoint
CREATE TABLE "governance_settings" (
	"region_id" text PRIMARY KEY NOT NULL,
	"case_number_format" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"body" text NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text NOT NULL,
	"place" text NOT NULL,
	"chair" text NOT NULL,
	"checkers" jsonb NOT NULL,
	"check_deadline" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_meetings_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_memos" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rapporteur" text,
	"proposal" jsonb NOT NULL,
	"summary" text,
	"background" text,
	"assessment" text,
	"environment" text,
	"children" text,
	"gender_equality" text,
	"economy" text,
	"follow_up" text,
	"supporting_documents" jsonb NOT NULL,
	"send_to" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_memos_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_memos_case_key" UNIQUE("region_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "governance_minutes" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"checked_at" timestamp with time zone,
	"late_reason" text,
	"posted_on" date,
	"appeal_from" date,
	"appeal_until" date,
	CONSTRAINT "governance_minutes_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_minutes_meeting_key" UNIQUE("region_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "governance_minute_signatures" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"signer" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "governance_minute_signatures_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "governance_minute_signatures_key" UNIQUE("region_id","minutes_id","signer")
);
--> statement-breakpoint
CREATE INDEX "governance_actions_due_idx" ON "governance_actions" USING btree ("region_id","status","due_on");--> statement-breakpoint
CREATE INDEX "governance_audit_questions_case_idx" ON "governance_audit_questions" USING btree ("region_id","case_id");--> statement-breakpoint
CREATE INDEX "governance_case_events_case_idx" ON "governance_case_events" USING btree ("region_id","case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "governance_cases_status_idx" ON "governance_cases" USING btree ("region_id","status","received_on");--> statement-breakpoint
CREATE INDEX "governance_minute_corrections_idx" ON "governance_minute_corrections" USING btree ("region_id","minutes_id");--> statement-breakpoint
CREATE INDEX "governance_delegated_decisions_day_idx" ON "governance_delegated_decisions" USING btree ("region_id","decided_on");--> statement-breakpoint
CREATE INDEX "governance_documents_case_idx" ON "governance_documents" USING btree ("region_id","case_id");--> statement-breakpoint
CREATE INDEX "governance_meetings_day_idx" ON "governance_meetings" USING btree ("region_id","held_on");
-- hand-written below
--> statement-breakpoint
-- Every reference stays inside its region (see 0012_region_foreign_keys.sql).
ALTER TABLE "governance_case_events" ADD CONSTRAINT "governance_case_events_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_documents" ADD CONSTRAINT "governance_documents_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_memos" ADD CONSTRAINT "governance_memos_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_meeting_fk" FOREIGN KEY ("region_id", "meeting_id") REFERENCES "governance_meetings" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_minutes" ADD CONSTRAINT "governance_minutes_meeting_fk" FOREIGN KEY ("region_id", "meeting_id") REFERENCES "governance_meetings" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_minute_signatures" ADD CONSTRAINT "governance_minute_signatures_minutes_fk" FOREIGN KEY ("region_id", "minutes_id") REFERENCES "governance_minutes" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_minute_corrections" ADD CONSTRAINT "governance_minute_corrections_minutes_fk" FOREIGN KEY ("region_id", "minutes_id") REFERENCES "governance_minutes" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_minute_corrections" ADD CONSTRAINT "governance_minute_corrections_item_fk" FOREIGN KEY ("region_id", "item_id") REFERENCES "governance_agenda_items" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_extracts" ADD CONSTRAINT "governance_extracts_item_fk" FOREIGN KEY ("region_id", "item_id") REFERENCES "governance_agenda_items" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_delegated_decisions" ADD CONSTRAINT "governance_delegated_decisions_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "governance_audit_questions" ADD CONSTRAINT "governance_audit_questions_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "governance_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
-- The value sets, in the database too.
ALTER TABLE "governance_cases" ADD CONSTRAINT "governance_cases_type_check" CHECK ("type" IN ('citizen_proposal', 'motion', 'consultation', 'procurement_initiation', 'award_decision', 'plan', 'audit_report', 'delegated_decision', 'information'));--> statement-breakpoint
ALTER TABLE "governance_cases" ADD CONSTRAINT "governance_cases_status_check" CHECK ("status" IN ('registered', 'in_preparation', 'ready', 'on_agenda', 'decided', 'closed'));--> statement-breakpoint
ALTER TABLE "governance_cases" ADD CONSTRAINT "governance_cases_outcome_check" CHECK ("outcome" IS NULL OR "outcome" IN ('answered', 'granted', 'rejected', 'approved', 'deemed_answered', 'referred_back'));--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_status_check" CHECK ("status" IN ('planned', 'started', 'ongoing', 'done'));--> statement-breakpoint
ALTER TABLE "governance_audit_questions" ADD CONSTRAINT "governance_audit_questions_assessment_check" CHECK ("assessment" IN ('met', 'partly_met', 'not_met'));--> statement-breakpoint
-- Swedish full-text search: expression indexes over what the search ranks.
CREATE INDEX "governance_cases_fts_idx" ON "governance_cases" USING gin (to_tsvector('swedish', "case_number" || ' ' || "title"));--> statement-breakpoint
CREATE INDEX "governance_documents_fts_idx" ON "governance_documents" USING gin (to_tsvector('swedish', "title" || ' ' || "body"));--> statement-breakpoint
-- Checked minutes are immutable: their meeting, items (decisions) and signatures can no longer change, and
-- the minutes themselves only take their posting (anslag) once. A correction is a new, linked entry.
CREATE FUNCTION governance_minutes_checked(p_region text, p_meeting uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM governance_minutes WHERE region_id = p_region AND meeting_id = p_meeting AND checked_at IS NOT NULL)
$$;--> statement-breakpoint
CREATE FUNCTION governance_refuse_checked_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  meeting uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; ELSE r := OLD; END IF;
  IF TG_TABLE_NAME = 'governance_meetings' THEN meeting := r.id;
  ELSIF TG_TABLE_NAME = 'governance_agenda_items' THEN meeting := r.meeting_id;
  ELSE SELECT m.meeting_id INTO meeting FROM governance_minutes m WHERE m.region_id = r.region_id AND m.id = r.minutes_id;
  END IF;
  IF governance_minutes_checked(r.region_id, meeting) THEN
    RAISE EXCEPTION 'checked minutes are immutable: % refused on %', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER governance_meetings_immutable BEFORE UPDATE OR DELETE ON governance_meetings FOR EACH ROW EXECUTE FUNCTION governance_refuse_checked_change();--> statement-breakpoint
CREATE TRIGGER governance_agenda_items_immutable BEFORE INSERT OR UPDATE OR DELETE ON governance_agenda_items FOR EACH ROW EXECUTE FUNCTION governance_refuse_checked_change();--> statement-breakpoint
CREATE TRIGGER governance_minute_signatures_immutable BEFORE INSERT OR UPDATE OR DELETE ON governance_minute_signatures FOR EACH ROW EXECUTE FUNCTION governance_refuse_checked_change();--> statement-breakpoint
CREATE FUNCTION governance_minutes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.checked_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.posted_on IS NULL AND NEW.posted_on IS NOT NULL
     AND NEW.region_id = OLD.region_id AND NEW.id = OLD.id AND NEW.meeting_id = OLD.meeting_id
     AND NEW.checked_at = OLD.checked_at AND NEW.late_reason IS NOT DISTINCT FROM OLD.late_reason THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'checked minutes are immutable: % refused on governance_minutes', TG_OP USING ERRCODE = 'P0001';
END $$;--> statement-breakpoint
CREATE TRIGGER governance_minutes_immutable BEFORE UPDATE OR DELETE ON governance_minutes FOR EACH ROW EXECUTE FUNCTION governance_minutes_guard();
