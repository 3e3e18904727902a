CREATE TABLE "vaccination_bookings" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"vaccine" text NOT NULL,
	"dose_number" integer NOT NULL,
	"recommendation_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"channel" text NOT NULL,
	"booked_by" text NOT NULL,
	"on_behalf_reason" text,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "vaccination_bookings_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_bookings_status" CHECK ("vaccination_bookings"."status" IN ('booked', 'cancelled', 'attended')),
	CONSTRAINT "vaccination_bookings_dose" CHECK ("vaccination_bookings"."dose_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "vaccination_doses" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"site_id" uuid,
	"vaccine" text NOT NULL,
	"product_code" text NOT NULL,
	"batch_number" text NOT NULL,
	"dose_number" integer NOT NULL,
	"administered_at" timestamp with time zone NOT NULL,
	"booking_id" uuid,
	"recommendation_id" uuid,
	"outside_recommendation" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_doses_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_doses_person_dose_key" UNIQUE("region_id","person_id","vaccine","dose_number"),
	CONSTRAINT "vaccination_doses_dose" CHECK ("vaccination_doses"."dose_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "vaccination_opening_hours" (
	"region_id" text NOT NULL,
	"site_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" text NOT NULL,
	"closes" text NOT NULL,
	CONSTRAINT "vaccination_opening_hours_region_id_site_id_weekday_pk" PRIMARY KEY("region_id","site_id","weekday"),
	CONSTRAINT "vaccination_opening_hours_weekday" CHECK ("vaccination_opening_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "vaccination_opening_hours_order" CHECK ("vaccination_opening_hours"."opens" < "vaccination_opening_hours"."closes")
);
--> statement-breakpoint
CREATE TABLE "vaccination_person_attributes" (
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"risk_group" boolean DEFAULT false NOT NULL,
	"risk_group_note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_person_attributes_region_id_person_id_pk" PRIMARY KEY("region_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "vaccination_recommendations" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"vaccine" text NOT NULL,
	"title" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"criteria" jsonb NOT NULL,
	"source" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_recommendations_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_recommendations_code_version_key" UNIQUE("region_id","code","version"),
	CONSTRAINT "vaccination_recommendations_validity" CHECK ("vaccination_recommendations"."valid_to" IS NULL OR "vaccination_recommendations"."valid_to" >= "vaccination_recommendations"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "vaccination_sites" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text,
	"postal_code" text,
	"street_address" text,
	"unit_id" uuid,
	"vaccines" text[] NOT NULL,
	"slot_minutes" integer DEFAULT 15 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "vaccination_sites_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_sites_slot_minutes" CHECK ("vaccination_sites"."slot_minutes" BETWEEN 5 AND 240)
);
--> statement-breakpoint
CREATE TABLE "vaccination_slots" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vaccination_slots_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_slots_site_time_key" UNIQUE("region_id","site_id","starts_at"),
	CONSTRAINT "vaccination_slots_seats" CHECK ("vaccination_slots"."booked" >= 0 AND "vaccination_slots"."booked" <= "vaccination_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "vaccination_staffing" (
	"region_id" text NOT NULL,
	"site_id" uuid NOT NULL,
	"day" date NOT NULL,
	"vaccinators" integer NOT NULL,
	"per_vaccinator_per_hour" integer NOT NULL,
	CONSTRAINT "vaccination_staffing_region_id_site_id_day_pk" PRIMARY KEY("region_id","site_id","day"),
	CONSTRAINT "vaccination_staffing_positive" CHECK ("vaccination_staffing"."vaccinators" >= 0 AND "vaccination_staffing"."per_vaccinator_per_hour" > 0)
);
--> statement-breakpoint
CREATE TABLE "vaccination_deliveries" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"product_code" text NOT NULL,
	"iso_week" text NOT NULL,
	"batch_number" text NOT NULL,
	"expires_on" date NOT NULL,
	"vials" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "vaccination_deliveries_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_deliveries_vials" CHECK ("vaccination_deliveries"."vials" > 0)
);
--> statement-breakpoint
CREATE TABLE "vaccination_delivery_forecasts" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"product_code" text NOT NULL,
	"iso_week" text NOT NULL,
	"version" integer NOT NULL,
	"doses" integer NOT NULL,
	"reason" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_delivery_forecasts_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_delivery_forecasts_version_key" UNIQUE("region_id","product_code","iso_week","version"),
	CONSTRAINT "vaccination_delivery_forecasts_doses" CHECK ("vaccination_delivery_forecasts"."doses" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vaccination_forecast_allocations" (
	"region_id" text NOT NULL,
	"product_code" text NOT NULL,
	"iso_week" text NOT NULL,
	"site_id" uuid NOT NULL,
	"doses" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_forecast_allocations_region_id_product_code_iso_week_site_id_pk" PRIMARY KEY("region_id","product_code","iso_week","site_id"),
	CONSTRAINT "vaccination_forecast_allocations_doses" CHECK ("vaccination_forecast_allocations"."doses" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vaccination_opened_vials" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"nominal_doses" integer NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"doses_drawn" integer,
	"doses_discarded" integer,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "vaccination_opened_vials_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_opened_vials_counts" CHECK ("vaccination_opened_vials"."doses_drawn" IS NULL OR ("vaccination_opened_vials"."doses_drawn" >= 0 AND "vaccination_opened_vials"."doses_discarded" BETWEEN 0 AND "vaccination_opened_vials"."doses_drawn"))
);
--> statement-breakpoint
CREATE TABLE "vaccination_stock_allocations" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"vials" integer NOT NULL,
	"allocated_by" text NOT NULL,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_stock_allocations_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_stock_allocations_vials" CHECK ("vaccination_stock_allocations"."vials" > 0)
);
--> statement-breakpoint
CREATE TABLE "vaccination_supply_products" (
	"region_id" text NOT NULL,
	"product_code" text NOT NULL,
	"vaccine" text NOT NULL,
	"name" text NOT NULL,
	"doses_per_vial" integer NOT NULL,
	"shake_sensitive" boolean DEFAULT false NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_supply_products_region_id_product_code_pk" PRIMARY KEY("region_id","product_code"),
	CONSTRAINT "vaccination_supply_products_doses" CHECK ("vaccination_supply_products"."doses_per_vial" BETWEEN 1 AND 20)
);
--> statement-breakpoint
CREATE TABLE "vaccination_vial_wastage" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"vials" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vaccination_vial_wastage_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_vial_wastage_vials" CHECK ("vaccination_vial_wastage"."vials" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "vaccination_bookings_one_live_key" ON "vaccination_bookings" USING btree ("region_id","person_id","vaccine","dose_number") WHERE "vaccination_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "vaccination_bookings_person_idx" ON "vaccination_bookings" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "vaccination_bookings_slot_idx" ON "vaccination_bookings" USING btree ("region_id","slot_id");--> statement-breakpoint
CREATE INDEX "vaccination_bookings_site_time_idx" ON "vaccination_bookings" USING btree ("region_id","site_id","starts_at");--> statement-breakpoint
CREATE INDEX "vaccination_doses_site_idx" ON "vaccination_doses" USING btree ("region_id","site_id","administered_at");--> statement-breakpoint
CREATE INDEX "vaccination_sites_place_idx" ON "vaccination_sites" USING btree ("region_id","municipality_code","postal_code");--> statement-breakpoint
CREATE INDEX "vaccination_slots_day_idx" ON "vaccination_slots" USING btree ("region_id","site_id","day");--> statement-breakpoint
CREATE INDEX "vaccination_slots_time_idx" ON "vaccination_slots" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "vaccination_deliveries_week_idx" ON "vaccination_deliveries" USING btree ("region_id","product_code","iso_week");--> statement-breakpoint
CREATE INDEX "vaccination_opened_vials_site_idx" ON "vaccination_opened_vials" USING btree ("region_id","site_id","delivery_id");--> statement-breakpoint
CREATE INDEX "vaccination_opened_vials_open_idx" ON "vaccination_opened_vials" USING btree ("region_id","site_id","opened_at");--> statement-breakpoint
CREATE INDEX "vaccination_stock_allocations_site_idx" ON "vaccination_stock_allocations" USING btree ("region_id","site_id","delivery_id");--> statement-breakpoint
CREATE INDEX "vaccination_stock_allocations_delivery_idx" ON "vaccination_stock_allocations" USING btree ("region_id","delivery_id");--> statement-breakpoint
CREATE INDEX "vaccination_vial_wastage_site_idx" ON "vaccination_vial_wastage" USING btree ("region_id","site_id","delivery_id");