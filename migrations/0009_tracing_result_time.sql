CREATE TABLE "vaccination_nvr_embedded_register" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"message" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_nvr_embedded_register_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_nvr_embedded_register_key" UNIQUE("region_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "vaccination_nvr_reports" (
	"region_id" text NOT NULL,
	"dose_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"reservnummer" boolean DEFAULT false NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"reference" text,
	"rejection" text,
	CONSTRAINT "vaccination_nvr_reports_region_id_dose_id_pk" PRIMARY KEY("region_id","dose_id"),
	CONSTRAINT "vaccination_nvr_reports_status" CHECK ("vaccination_nvr_reports"."status" IN ('queued', 'sent', 'accepted', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "result_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "vaccination_nvr_reports_open_idx" ON "vaccination_nvr_reports" USING btree ("region_id","status","queued_at") WHERE "vaccination_nvr_reports"."status" <> 'accepted';