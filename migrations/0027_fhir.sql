CREATE TABLE "fhir_access_tokens" (
	"region_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"client_id" text NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fhir_access_tokens_region_id_token_hash_pk" PRIMARY KEY("region_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "fhir_assertion_ids" (
	"region_id" text NOT NULL,
	"client_id" text NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fhir_assertion_ids_region_id_client_id_jti_pk" PRIMARY KEY("region_id","client_id","jti")
);
--> statement-breakpoint
CREATE TABLE "fhir_clients" (
	"region_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"jwks" jsonb NOT NULL,
	"scopes" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fhir_clients_region_id_client_id_pk" PRIMARY KEY("region_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "fhir_export_files" (
	"region_id" text NOT NULL,
	"export_id" uuid NOT NULL,
	"resource_type" text NOT NULL,
	"part" integer NOT NULL,
	"count" integer NOT NULL,
	"ndjson" text NOT NULL,
	CONSTRAINT "fhir_export_files_region_id_export_id_resource_type_part_pk" PRIMARY KEY("region_id","export_id","resource_type","part")
);
--> statement-breakpoint
CREATE TABLE "fhir_exports" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"types" text[] NOT NULL,
	"requested_by" jsonb NOT NULL,
	"request_url" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"transaction_time" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fhir_exports_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "fhir_access_tokens" ADD CONSTRAINT "fhir_access_tokens_region_id_client_id_fhir_clients_region_id_client_id_fk" FOREIGN KEY ("region_id","client_id") REFERENCES "public"."fhir_clients"("region_id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_assertion_ids" ADD CONSTRAINT "fhir_assertion_ids_region_id_client_id_fhir_clients_region_id_client_id_fk" FOREIGN KEY ("region_id","client_id") REFERENCES "public"."fhir_clients"("region_id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_export_files" ADD CONSTRAINT "fhir_export_files_region_id_export_id_fhir_exports_region_id_id_fk" FOREIGN KEY ("region_id","export_id") REFERENCES "public"."fhir_exports"("region_id","id") ON DELETE cascade ON UPDATE no action;