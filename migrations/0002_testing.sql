CREATE TABLE "distribution_points" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"street_address" text,
	"postal_code" text,
	"municipality_code" text,
	"opening_hours" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "distribution_points_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"region_id" text NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"field" text,
	"reason" text NOT NULL,
	CONSTRAINT "import_rejections_region_id_import_id_line_pk" PRIMARY KEY("region_id","import_id","line")
);
--> statement-breakpoint
CREATE TABLE "kit_orders" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"test_type" text NOT NULL,
	"distribution_point_id" uuid NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'ordered' NOT NULL,
	CONSTRAINT "kit_orders_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "kits" (
	"region_id" text NOT NULL,
	"code" text NOT NULL,
	"test_type" text NOT NULL,
	"batch" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_at" timestamp with time zone,
	CONSTRAINT "kits_region_id_code_pk" PRIMARY KEY("region_id","code")
);
--> statement-breakpoint
CREATE TABLE "reimbursement_rates" (
	"test_type" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"sek" numeric(10, 2) NOT NULL,
	"staff_collected_only" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "reimbursement_rates_test_type_valid_from_pk" PRIMARY KEY("test_type","valid_from")
);
--> statement-breakpoint
CREATE TABLE "result_calls" (
	"region_id" text NOT NULL,
	"sample_id" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"called_by" text NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "result_calls_region_id_sample_id_called_at_pk" PRIMARY KEY("region_id","sample_id","called_at")
);
--> statement-breakpoint
CREATE TABLE "result_imports" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"lab_unit_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"accepted" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "result_imports_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "result_imports_file_key" UNIQUE("region_id","file_sha256")
);
--> statement-breakpoint
CREATE TABLE "samples" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kit_code" text,
	"order_id" uuid,
	"booking_id" uuid,
	"person_id" uuid NOT NULL,
	"test_type" text NOT NULL,
	"collection" text NOT NULL,
	"collecting_unit_id" uuid,
	"collected_by" text,
	"provider" text,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_week" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"lab_unit_id" uuid,
	"method" text,
	"result" text,
	"result_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "samples_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "samples_kit_key" UNIQUE("region_id","kit_code")
);
--> statement-breakpoint
CREATE TABLE "sampling_bookings" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"phone" text,
	"booked_by" text NOT NULL,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	CONSTRAINT "sampling_bookings_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "sampling_bookings_slot_person_key" UNIQUE("region_id","slot_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "sampling_slots" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"test_type" text NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sampling_slots_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "sampling_slots_station_time_key" UNIQUE("region_id","station_id","starts_at","test_type")
);
--> statement-breakpoint
CREATE TABLE "test_capacity" (
	"region_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"test_type" text NOT NULL,
	"tests_per_week" integer NOT NULL,
	CONSTRAINT "test_capacity_region_id_unit_id_iso_week_test_type_pk" PRIMARY KEY("region_id","unit_id","iso_week","test_type")
);
--> statement-breakpoint
CREATE TABLE "unmatched_results" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid,
	"line" integer,
	"kit_code" text NOT NULL,
	"test_type" text NOT NULL,
	"result" text NOT NULL,
	"result_at" timestamp with time zone NOT NULL,
	"method" text,
	"lab_unit_id" uuid,
	"status" text DEFAULT 'held' NOT NULL,
	"matched_sample_id" uuid,
	"raw" jsonb,
	CONSTRAINT "unmatched_results_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "unmatched_results_kit_key" UNIQUE("region_id","kit_code","test_type")
);
--> statement-breakpoint
CREATE INDEX "distribution_points_municipality_idx" ON "distribution_points" USING btree ("region_id","municipality_code");--> statement-breakpoint
CREATE INDEX "kit_orders_person_idx" ON "kit_orders" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "samples_person_idx" ON "samples" USING btree ("region_id","person_id","taken_at");--> statement-breakpoint
CREATE INDEX "samples_week_idx" ON "samples" USING btree ("region_id","taken_week","test_type","result","person_id");--> statement-breakpoint
CREATE INDEX "samples_pending_idx" ON "samples" USING btree ("region_id","received_at") WHERE "samples"."result" IS NULL;--> statement-breakpoint
CREATE INDEX "sampling_slots_time_idx" ON "sampling_slots" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "unmatched_results_status_idx" ON "unmatched_results" USING btree ("region_id","status");