CREATE TABLE "tracing_check_ins" (
	"region_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"day" date NOT NULL,
	"follow_up_day" integer NOT NULL,
	"channel" text NOT NULL,
	"token_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_via" text,
	"has_symptoms" boolean,
	"symptoms" text[] DEFAULT '{}'::text[] NOT NULL,
	"tested" boolean,
	"test_date" date,
	"recorded_by" uuid,
	CONSTRAINT "tracing_check_ins_region_id_contact_id_day_pk" PRIMARY KEY("region_id","contact_id","day"),
	CONSTRAINT "tracing_check_ins_channel" CHECK ("tracing_check_ins"."channel" IN ('sms', 'inbox', 'call'))
);
--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "index_case_id" uuid;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "source_contact_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "tracing_check_ins_token_idx" ON "tracing_check_ins" USING btree ("region_id","token_hash");--> statement-breakpoint
CREATE INDEX "tracing_check_ins_day_idx" ON "tracing_check_ins" USING btree ("region_id","day");--> statement-breakpoint
CREATE INDEX "tracing_contacts_exposure_idx" ON "tracing_contacts" USING btree ("region_id","exposure_date");