ALTER TABLE "tracing_cases" ADD COLUMN "classification" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "classified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "classified_by" uuid;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "symptom_onset" date;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "no_symptoms" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD CONSTRAINT "tracing_cases_classification" CHECK ("tracing_cases"."classification" IN ('suspected', 'probable', 'confirmed', 'not_a_case'));--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD CONSTRAINT "tracing_cases_onset" CHECK (NOT ("tracing_cases"."no_symptoms" AND "tracing_cases"."symptom_onset" IS NOT NULL));