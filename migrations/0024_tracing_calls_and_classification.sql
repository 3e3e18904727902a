CREATE TABLE "tracing_calls" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"duration_minutes" integer NOT NULL,
	"call_back_at" timestamp with time zone,
	"called_at" timestamp with time zone NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_name" text NOT NULL,
	CONSTRAINT "tracing_calls_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "tracing_calls_outcome" CHECK ("tracing_calls"."outcome" IN ('reached', 'no_answer', 'wrong_number', 'refused', 'call_back')),
	CONSTRAINT "tracing_calls_call_back" CHECK (("tracing_calls"."outcome" = 'call_back') = ("tracing_calls"."call_back_at" IS NOT NULL)),
	CONSTRAINT "tracing_calls_duration" CHECK ("tracing_calls"."duration_minutes" BETWEEN 0 AND 600)
);
--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "taken_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "unreached_calls" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "last_call_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "last_call_outcome" text;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "call_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "classification" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "classified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "classified_by" uuid;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "symptom_onset" date;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "no_symptoms" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "tracing_calls_case_idx" ON "tracing_calls" USING btree ("region_id","case_id","called_at");--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD CONSTRAINT "tracing_cases_classification" CHECK ("tracing_cases"."classification" IN ('suspected', 'probable', 'confirmed', 'not_a_case'));--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD CONSTRAINT "tracing_cases_onset" CHECK (NOT ("tracing_cases"."no_symptoms" AND "tracing_cases"."symptom_onset" IS NOT NULL));--> statement-breakpoint
-- hand-written below
ALTER TABLE "tracing_calls" ADD CONSTRAINT "tracing_calls_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "tracing_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;
