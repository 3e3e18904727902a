CREATE TABLE "privacy_purge_runs" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "privacy_purge_runs_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE INDEX "privacy_purge_runs_started_idx" ON "privacy_purge_runs" USING btree ("region_id","started_at");