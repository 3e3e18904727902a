CREATE TABLE "referrals" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"sample_id" uuid NOT NULL,
	"test_type" text NOT NULL,
	"indication" text NOT NULL,
	"collection" text NOT NULL,
	"urgency" text NOT NULL,
	"ordering_unit_id" uuid NOT NULL,
	"sampling_at" timestamp with time zone NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "referrals_code_key" UNIQUE("region_id","code"),
	CONSTRAINT "referrals_sample_key" UNIQUE("region_id","sample_id")
);
--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "referring_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD COLUMN "handling_unit_id" uuid;--> statement-breakpoint
CREATE INDEX "referrals_unit_idx" ON "referrals" USING btree ("region_id","ordering_unit_id","written_at");