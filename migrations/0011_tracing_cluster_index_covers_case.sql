-- Cluster detection reads a year of case settings in (kind, key, exposure_date) order and needs only case_id
-- besides: with it in the index the scan is index-only, not 1.5 million heap fetches in key order
-- (bench/README.md, tracing-clusters). The model's index keeps its name and columns.
DROP INDEX IF EXISTS "tracing_case_settings_cluster_idx";--> statement-breakpoint
CREATE INDEX "tracing_case_settings_cluster_idx" ON "tracing_case_settings" USING btree ("region_id","kind","key","exposure_date") INCLUDE ("case_id");
