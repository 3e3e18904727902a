CREATE TABLE "vaccination_adverse_events" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dose_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reporter" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"symptoms" jsonb NOT NULL,
	"description" text,
	"onset_at" timestamp with time zone NOT NULL,
	"serious" boolean NOT NULL,
	"serious_criteria" jsonb NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"receipt_reference" text,
	CONSTRAINT "vaccination_adverse_events_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_adverse_events_reporter" CHECK ("vaccination_adverse_events"."reporter" IN ('healthcare', 'citizen')),
	CONSTRAINT "vaccination_adverse_events_serious" CHECK ("vaccination_adverse_events"."serious" = (jsonb_array_length("vaccination_adverse_events"."serious_criteria") > 0))
);
--> statement-breakpoint
ALTER TABLE "tracing_outbreaks" ADD COLUMN "origin" text DEFAULT 'cluster' NOT NULL;--> statement-breakpoint
ALTER TABLE "tracing_outbreaks" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "tracing_outbreaks" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "tracing_outbreaks" ADD COLUMN "start_date" date;--> statement-breakpoint
CREATE INDEX "vaccination_adverse_events_dose_idx" ON "vaccination_adverse_events" USING btree ("region_id","dose_id");--> statement-breakpoint
CREATE INDEX "vaccination_adverse_events_person_idx" ON "vaccination_adverse_events" USING btree ("region_id","person_id");