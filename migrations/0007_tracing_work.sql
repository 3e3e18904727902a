CREATE TABLE "tracing_case_settings" (
	"region_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"unit_id" uuid,
	"school_class" text,
	"exposure_date" date NOT NULL,
	CONSTRAINT "tracing_case_settings_region_id_case_id_kind_key_pk" PRIMARY KEY("region_id","case_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "tracing_contacts" (
	"region_id" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"phone" text,
	"relation" text NOT NULL,
	"context" text,
	"exposure_date" date,
	"named_at" timestamp with time zone NOT NULL,
	"informed_at" timestamp with time zone,
	"informed_by" text,
	CONSTRAINT "tracing_contacts_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "tracing_notes" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"advice" text[] DEFAULT '{}'::text[] NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracing_notes_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "tracing_notifications" (
	"region_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "tracing_notifications_region_id_case_id_pk" PRIMARY KEY("region_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "tracing_outbreak_cases" (
	"region_id" text NOT NULL,
	"outbreak_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracing_outbreak_cases_region_id_outbreak_id_case_id_pk" PRIMARY KEY("region_id","outbreak_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "tracing_outbreaks" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"unit_id" uuid,
	"school_class" text,
	"status" text DEFAULT 'open' NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"note" text,
	CONSTRAINT "tracing_outbreaks_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "tracing_questionnaires" (
	"region_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"symptom_onset" date,
	"travelled_abroad" boolean DEFAULT false NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "tracing_questionnaires_region_id_case_id_pk" PRIMARY KEY("region_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "tracing_sequencing" (
	"region_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"reasons" text[] NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	"variant" text,
	"variant_recorded_at" timestamp with time zone,
	"variant_week" text,
	CONSTRAINT "tracing_sequencing_region_id_case_id_pk" PRIMARY KEY("region_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "tracing_settings" (
	"region_id" text PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracing_signals" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sender_name" text NOT NULL,
	"sender_contact" text NOT NULL,
	"organisation" text,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"outbreak_id" uuid,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	CONSTRAINT "tracing_signals_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "questionnaire_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "contacts_informed_by" text;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "severe_illness" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "tracing_case_settings_cluster_idx" ON "tracing_case_settings" USING btree ("region_id","kind","key","exposure_date");--> statement-breakpoint
CREATE INDEX "tracing_contacts_case_idx" ON "tracing_contacts" USING btree ("region_id","case_id");--> statement-breakpoint
CREATE INDEX "tracing_contacts_person_idx" ON "tracing_contacts" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "tracing_notes_case_idx" ON "tracing_notes" USING btree ("region_id","case_id","created_at");--> statement-breakpoint
CREATE INDEX "tracing_outbreak_cases_case_idx" ON "tracing_outbreak_cases" USING btree ("region_id","case_id");--> statement-breakpoint
CREATE INDEX "tracing_outbreaks_key_idx" ON "tracing_outbreaks" USING btree ("region_id","kind","key");--> statement-breakpoint
CREATE INDEX "tracing_sequencing_week_idx" ON "tracing_sequencing" USING btree ("region_id","variant_week");--> statement-breakpoint
CREATE INDEX "tracing_signals_received_idx" ON "tracing_signals" USING btree ("region_id","received_at");--> statement-breakpoint
CREATE INDEX "tracing_cases_opened_idx" ON "tracing_cases" USING btree ("region_id","opened_at");