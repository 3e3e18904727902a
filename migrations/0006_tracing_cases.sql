CREATE TABLE "tracing_case_results" (
	"region_id" text NOT NULL,
	"sample_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracing_case_results_region_id_sample_id_pk" PRIMARY KEY("region_id","sample_id")
);
--> statement-breakpoint
CREATE TABLE "tracing_cases" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"source_sample_id" uuid NOT NULL,
	"positive_taken_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" integer NOT NULL,
	"priority_reason" text NOT NULL,
	"questionnaire_due_at" timestamp with time zone NOT NULL,
	"first_call_due_at" timestamp with time zone NOT NULL,
	"first_call_at" timestamp with time zone,
	"assigned_to" uuid,
	"possible_reinfection" boolean DEFAULT false NOT NULL,
	"previous_case_id" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "tracing_cases_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "tracing_cases_source_key" UNIQUE("region_id","source_sample_id")
);
--> statement-breakpoint
CREATE INDEX "tracing_case_results_case_idx" ON "tracing_case_results" USING btree ("region_id","case_id");--> statement-breakpoint
CREATE INDEX "tracing_cases_person_idx" ON "tracing_cases" USING btree ("region_id","person_id","positive_taken_at");--> statement-breakpoint
CREATE INDEX "tracing_cases_queue_idx" ON "tracing_cases" USING btree ("region_id","status","priority","first_call_due_at","id");