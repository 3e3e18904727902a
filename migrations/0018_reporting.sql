CREATE TABLE "reporting_aggregate_sends" (
	"region_id" text NOT NULL,
	"week" text NOT NULL,
	"version" integer NOT NULL,
	"digest" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	CONSTRAINT "reporting_aggregate_sends_region_id_week_version_pk" PRIMARY KEY("region_id","week","version")
);
--> statement-breakpoint
CREATE TABLE "reporting_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_agreements_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "reporting_answer_versions" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_answer_versions_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "reporting_answer_versions_key" UNIQUE("region_id","answer_id","version")
);
--> statement-breakpoint
CREATE TABLE "reporting_answers" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer NOT NULL,
	"prefilled_from" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_answers_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "reporting_answers_question_key" UNIQUE("region_id","return_id","question_id"),
	CONSTRAINT "reporting_answers_version" CHECK ("reporting_answers"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reporting_initiative_statuses" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"status" text NOT NULL,
	"round_id" uuid,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_initiative_statuses_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "reporting_initiatives" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"title" text NOT NULL,
	"development_area" text NOT NULL,
	"focus_area" text NOT NULL,
	"target_group" text NOT NULL,
	"status" text NOT NULL,
	"reach" text NOT NULL,
	"participants" text[] NOT NULL,
	"private_providers" text NOT NULL,
	"measured" text NOT NULL,
	"gender_perspective" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_initiatives_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "reporting_received" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"submission" integer NOT NULL,
	"document" jsonb NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"digest" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_received_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "reporting_received_submission_key" UNIQUE("region_id","round_id","organisation","submission")
);
--> statement-breakpoint
CREATE TABLE "reporting_received_aggregates" (
	"region_id" text NOT NULL,
	"week" text NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"key_id" text NOT NULL,
	"digest" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_received_aggregates_region_id_week_version_pk" PRIMARY KEY("region_id","week","version")
);
--> statement-breakpoint
CREATE TABLE "reporting_refused" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reason" text NOT NULL,
	"digest" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_refused_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "reporting_reopens" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"submission" integer NOT NULL,
	"reason" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_reopens_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "reporting_reopens_submission_key" UNIQUE("region_id","round_id","organisation","submission")
);
--> statement-breakpoint
CREATE TABLE "reporting_return_events" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"missing" jsonb,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_return_events_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "reporting_returns" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submission" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reopened_at" timestamp with time zone,
	"reopened_by" text,
	"reopen_reason" text,
	"received_at" timestamp with time zone,
	"receipt" jsonb,
	CONSTRAINT "reporting_returns_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "reporting_returns_org_key" UNIQUE("region_id","round_id","organisation")
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"template_version_id" uuid NOT NULL,
	"organisations" text[] NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_rounds_name_key" UNIQUE("agreement_id","name"),
	CONSTRAINT "reporting_rounds_period" CHECK ("reporting_rounds"."period_from" <= "reporting_rounds"."period_to"),
	CONSTRAINT "reporting_rounds_deadline" CHECK ("reporting_rounds"."opens_on" <= "reporting_rounds"."deadline")
);
--> statement-breakpoint
CREATE TABLE "reporting_signing_keys" (
	"region_id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"digest" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_template_versions_version_key" UNIQUE("template_id","version")
);
--> statement-breakpoint
CREATE TABLE "reporting_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_templates_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "reporting_trusted_keys" (
	"region_id" text NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_trusted_keys_region_id_key_id_pk" PRIMARY KEY("region_id","key_id")
);
--> statement-breakpoint
ALTER TABLE "reporting_initiative_statuses" ADD CONSTRAINT "reporting_initiative_statuses_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_initiatives" ADD CONSTRAINT "reporting_initiatives_agreement_id_reporting_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."reporting_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_received" ADD CONSTRAINT "reporting_received_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_reopens" ADD CONSTRAINT "reporting_reopens_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_returns" ADD CONSTRAINT "reporting_returns_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_agreement_id_reporting_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."reporting_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_template_version_id_reporting_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."reporting_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_template_versions" ADD CONSTRAINT "reporting_template_versions_template_id_reporting_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."reporting_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_initiative_statuses_idx" ON "reporting_initiative_statuses" USING btree ("region_id","initiative_id");--> statement-breakpoint
CREATE INDEX "reporting_initiatives_agreement_idx" ON "reporting_initiatives" USING btree ("agreement_id","region_id");--> statement-breakpoint
CREATE INDEX "reporting_return_events_return_idx" ON "reporting_return_events" USING btree ("region_id","return_id","at");--> statement-breakpoint
-- hand-written below
-- A region's reporting rows point at rows of the same region only (see 0012_region_foreign_keys.sql).
ALTER TABLE "reporting_answers" ADD CONSTRAINT "reporting_answers_return_fk" FOREIGN KEY ("region_id", "return_id") REFERENCES "reporting_returns" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "reporting_answer_versions" ADD CONSTRAINT "reporting_answer_versions_answer_fk" FOREIGN KEY ("region_id", "answer_id") REFERENCES "reporting_answers" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "reporting_return_events" ADD CONSTRAINT "reporting_return_events_return_fk" FOREIGN KEY ("region_id", "return_id") REFERENCES "reporting_returns" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "reporting_initiative_statuses" ADD CONSTRAINT "reporting_initiative_statuses_initiative_fk" FOREIGN KEY ("region_id", "initiative_id") REFERENCES "reporting_initiatives" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "reporting_returns" ADD CONSTRAINT "reporting_returns_status_check" CHECK ("status" IN ('draft', 'submitted', 'reopened'));--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_kind_check" CHECK ("kind" IN ('monthly', 'quarterly', 'partial', 'final'));--> statement-breakpoint
ALTER TABLE "reporting_initiatives" ADD CONSTRAINT "reporting_initiatives_status_check" CHECK ("status" IN ('planned', 'started', 'ongoing', 'completed'));--> statement-breakpoint
CREATE INDEX "reporting_received_round_idx" ON "reporting_received" USING btree ("round_id","organisation","submission");
