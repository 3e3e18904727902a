CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_identifiers" (
	"region_id" text NOT NULL,
	"value" text NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"issuing_region" text,
	"is_primary" boolean DEFAULT true NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_identifiers_region_id_value_pk" PRIMARY KEY("region_id","value")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date,
	"legal_sex" text,
	"street_address" text,
	"postal_code" text,
	"locality" text,
	"municipality_code" text,
	"phone" text,
	"email" text,
	"household_id" uuid,
	"care_home_id" uuid,
	"home_care" boolean DEFAULT false NOT NULL,
	"school_id" uuid,
	"school_class" text,
	"workplace_id" uuid,
	"vardcentral_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "postal_codes" (
	"postal_code" text PRIMARY KEY NOT NULL,
	"locality" text NOT NULL,
	"municipality_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"county_name" text NOT NULL,
	"population" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"hsa_id" text,
	"oidc_subject" text,
	"active" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "staff_oidc_subject_key" UNIQUE("region_id","oidc_subject")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text,
	"postal_code" text,
	"capacity" integer,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "units_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_chain" (
	"region_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"region_id" text NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"person_id" uuid,
	"action" text NOT NULL,
	"purpose" text NOT NULL,
	"details" jsonb,
	"seq" bigint,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "audit_log_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "audit_log_seq_key" UNIQUE("region_id","seq")
);
--> statement-breakpoint
CREATE TABLE "oidc_logins" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"audience" text NOT NULL,
	"return_to" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"actor" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivered_messages" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" text NOT NULL,
	"person_id" uuid,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivered_messages_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "delivered_messages_key" UNIQUE("region_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"receipt" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "outbox_idempotency_key" UNIQUE("region_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_identifiers" ADD CONSTRAINT "person_identifiers_region_id_person_id_persons_region_id_id_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_codes" ADD CONSTRAINT "postal_codes_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_identifiers_person_idx" ON "person_identifiers" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("region_id","household_id");--> statement-breakpoint
CREATE INDEX "persons_municipality_idx" ON "persons" USING btree ("region_id","municipality_code","postal_code");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("region_id","family_name","given_name");--> statement-breakpoint
CREATE INDEX "postal_codes_municipality_idx" ON "postal_codes" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "staff_oidc_subject_idx" ON "staff" USING btree ("oidc_subject") WHERE "staff"."oidc_subject" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "units_kind_idx" ON "units" USING btree ("region_id","kind");--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("region_id","person_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("region_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("region_id","actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("region_id","at") WHERE "audit_log"."hash" IS NULL;--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "delivered_messages_person_idx" ON "delivered_messages" USING btree ("region_id","person_id","delivered_at");--> statement-breakpoint
CREATE INDEX "delivered_messages_channel_idx" ON "delivered_messages" USING btree ("region_id","channel","delivered_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_topic_idx" ON "outbox" USING btree ("region_id","topic","created_at");